package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import java.sql.Connection;
import org.junit.jupiter.api.Test;

/** keel doctor: the principal constraint first in text, one JSON object with --json, exit 1 on a critical finding. */
class DoctorCommandIT extends ProjectOnCluster {

    DoctorCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void aHealthyDatabaseSaysNoFindingsAndExitsZero() throws Exception {
        assertThat(keel("migrate").exitCode()).isZero();
        Cli.Run text = keel("doctor");

        assertThat(text.exitCode()).as(text.stdout() + text.stderr()).isZero();
        assertThat(text.stdout())
                .startsWith("No findings: all 23 checks passed")
                .contains("blocking-chains");

        JsonNode json = json("doctor", "--json");
        assertThat(json.get("principal").isNull()).as(json.toString()).isTrue();
        assertThat(json.get("findings")).isEmpty();
    }

    @Test
    void aSequenceAtItsLimitIsThePrincipalConstraintAndExitsOne() throws Exception {
        cluster.execute(db, "CREATE TABLE orders (id serial PRIMARY KEY)");
        cluster.execute(db, "SELECT setval('orders_id_seq', 2140000000)");
        cluster.execute(db, "CREATE TABLE users (id bigint PRIMARY KEY, email text)");
        cluster.execute(db, "INSERT INTO users SELECT g, 'same' FROM generate_series(1, 10) g");
        try {
            cluster.execute(db, "CREATE UNIQUE INDEX CONCURRENTLY users_email ON users (email)");
        } catch (IllegalStateException expected) {
            // The duplicates make the build fail and leave the index invalid, which is the point.
        }

        Cli.Run text = keel("doctor");

        assertThat(text.exitCode()).as(text.stderr()).isEqualTo(1);
        String first = text.stdout().lines().findFirst().orElseThrow();
        assertThat(first)
                .startsWith(
                        "Principal constraint: orders.id (integer, sequence public.orders_id_seq) has used 99.7% of its values")
                .contains("orders.id")
                .contains("(runbook: docs/runbooks/integer-key-limits.md)");
        assertThat(text.stdout())
                .contains("CRITICAL")
                .contains("WARNING")
                .contains("invalid-indexes")
                .contains("evidence: ")
                .contains("pending-migrations")
                .contains("3 findings (1 critical) from 23 checks.");

        Cli.Run jsonRun = keel("doctor", "--json");
        assertThat(jsonRun.exitCode()).isEqualTo(1);
        JsonNode json = JSON.readTree(jsonRun.stdout());
        JsonNode principal = json.get("principal");
        assertThat(principal.get("check").asText()).isEqualTo("integer-key-limits");
        assertThat(principal.get("severity").asText()).isEqualTo("critical");
        assertThat(principal.get("runbook").asText()).isEqualTo("docs/runbooks/integer-key-limits.md");
        assertThat(principal.get("evidence").get("lastValue").asLong()).isEqualTo(2140000000L);
        assertThat(principal.get("impact").asText()).contains("every insert fails");
        // The project's three migrations were never applied here: an info finding, ranked last.
        assertThat(json.get("findings")).hasSize(3);
        assertThat(json.get("findings").get(2).get("check").asText()).isEqualTo("pending-migrations");
        JsonNode second = json.get("findings").get(1);
        assertThat(second.get("check").asText()).isEqualTo("invalid-indexes");
        assertThat(second.get("severity").asText()).isEqualTo("warning");
        for (String field : new String[] {"check", "severity", "summary", "evidence", "impact", "score", "runbook"}) {
            assertThat(second.has(field)).as(field).isTrue();
        }
    }

    @Test
    void anIdleInTransactionSessionIsNotCriticalSoTheExitCodeStaysZero() throws Exception {
        try (Connection idle = cluster.connect(db)) {
            idle.setAutoCommit(false);
            idle.createStatement().execute("SELECT txid_current()");
            Cli.Run run = keel("doctor");

            // Under the default 5 minutes: nothing to report yet.
            assertThat(run.exitCode()).as(run.stderr()).isZero();
            idle.rollback();
        }
    }

    @Test
    void thresholdsFromKeelYamlApplyAndABadOneExitsTwoNamingTheNearestKey() throws Exception {
        assertThat(keel("migrate").exitCode()).isZero();
        // An orders table a tenth full after a mass delete: below the default 100 MB, above a 1 MB threshold.
        cluster.execute(db, "INSERT INTO users SELECT generate_series(1, 200000)");
        cluster.execute(db, "DELETE FROM users WHERE id % 10 <> 0");
        cluster.execute(db, "VACUUM ANALYZE users");
        assertThat(keel("doctor").stdout()).startsWith("No findings");

        project.config("""
                doctor:
                  thresholds:
                    index-bloat:
                      minWastedBytes: 1MB
                """);
        Cli.Run lowered = keel("doctor");
        assertThat(lowered.exitCode()).as(lowered.stderr()).isZero();
        assertThat(lowered.stdout()).contains("index-bloat").contains("public.users_pkey");

        project.config("""
                doctor:
                  thresholds:
                    index-bloat:
                      minWastedByte: 1MB
                """);
        Cli.Run bad = keel("doctor");
        assertThat(bad.exitCode()).isEqualTo(2);
        assertThat(bad.errorLines())
                .singleElement()
                .asString()
                .startsWith(
                        "keel: error: unknown threshold 'doctor.thresholds.index-bloat.minWastedByte' — did you mean 'minWastedBytes'?"
                                + " index-bloat takes minWastedBytes, bloatShare [KEEL-");
    }

    /** Regression: as a role without pg_read_all_stats, keel doctor saw only its own sessions and said "all clear" with exit 0. */
    @Test
    void aRoleWithoutPgReadAllStatsIsToldWhatItCannotSeeAndTheChecksThatNeedItAreNotRun() throws Exception {
        String role = "watcher_" + db;
        cluster.execute(db, "CREATE ROLE " + role + " LOGIN");
        String grant = "GRANT pg_read_all_stats TO " + role + ";";

        Cli.Run text = keelAs(role, "doctor");

        assertThat(text.exitCode()).as(text.stdout() + text.stderr()).isEqualTo(1);
        assertThat(text.stdout())
                .startsWith("Visibility: role " + role + " is not a member of pg_read_all_stats")
                .contains(grant)
                .contains("Not run (this part of the database's health is unknown):")
                .contains("NOT RUN  blocking-chains")
                .contains("NOT RUN  long-transactions")
                .contains("fix:      " + grant)
                .doesNotContain("all 23 checks passed");

        Cli.Run jsonRun = keelAs(role, "doctor", "--json");
        assertThat(jsonRun.exitCode()).isEqualTo(1);
        JsonNode json = JSON.readTree(jsonRun.stdout());
        assertThat(json.get("visibility").get("seesAll").asBoolean()).isFalse();
        assertThat(json.get("visibility").get("grant").asText()).isEqualTo(grant);
        for (JsonNode r : json.get("results")) {
            if (r.get("check").asText().equals("blocking-chains")
                    || r.get("check").asText().equals("slowest-statements")) {
                assertThat(r.get("status").asText()).isEqualTo("not-run");
                assertThat(r.get("fix").asText()).isEqualTo(grant);
                assertThat(r.get("reason").asText()).contains("pg_read_all_stats");
            }
            if (r.get("check").asText().equals("wraparound-age")) {
                assertThat(r.get("status").asText()).isEqualTo("passed");
            }
        }
    }
}
