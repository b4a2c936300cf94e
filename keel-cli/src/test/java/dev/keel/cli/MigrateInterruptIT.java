package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel migrate stopped by SIGTERM or Ctrl-C, as a real separate process: the server must stop the
 * statement (and drop its locks) before keel exits with 130, and nothing of the migration stays.
 * Regression: the server kept running the statement for 25 s after keel was gone.
 */
@WithPostgres
class MigrateInterruptIT {
    private final TestCluster cluster;

    MigrateInterruptIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void sigtermCancelsTheRunningStatementAndRollsTheMigrationBack(@TempDir Path dir) {
        String db = cluster.createDatabase();
        TestProject project = TestProject.in(dir)
                .migration("V1__a.sql", "create table a (id bigint primary key);")
                .migration("V2__slow.sql", "create table b (id bigint);\nselect pg_sleep(60);");
        JavaProcess keel = Cli.start(project.dir(), Map.of(), "--url", cluster.jdbcUrl(db), "migrate");
        awaitRunning(db, "select pg_sleep(60)", keel);

        keel.signal("TERM");

        assertThat(keel.waitFor(30)).as(keel.stderr()).isEqualTo(130);
        assertThat(running(db, "select pg_sleep(60)"))
                .as("the statement still runs on the server")
                .isZero();
        List<String> errors =
                keel.stderr().lines().filter(l -> l.startsWith("keel: error:")).toList();
        assertThat(errors)
                .singleElement()
                .asString()
                .contains("interrupted by SIGTERM while applying V2__slow.sql at line 2")
                .contains("nothing of it was applied");
        assertThat(
                        cluster.queryString(
                                db,
                                "select string_agg(script || ':' || success, ',' order by installed_rank) from keel.schema_history"))
                .isEqualTo("V1__a.sql:true");
        assertThat(cluster.queryString(db, "select to_regclass('b') is null")).isEqualTo("t");
    }

    @Test
    void ctrlCDuringALockWaitStopsTheWaitAndPrintsTheErrorDocument(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "create table orders (id bigint primary key)");
        TestProject project =
                TestProject.in(dir).migration("V1__status.sql", "alter table orders add column status text;");
        try (Connection blocker = cluster.connect(db)) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table orders in access exclusive mode");
            }
            JavaProcess keel = Cli.start(
                    project.dir(),
                    Map.of("KEEL_MIGRATIONS_LOCKTIMEOUT", "5min"),
                    "--url",
                    cluster.jdbcUrl(db),
                    "--json",
                    "migrate");
            awaitRunning(db, "alter table orders add column status text", keel);

            keel.signal("INT");

            assertThat(keel.waitFor(30)).as(keel.stderr()).isEqualTo(130);
            assertThat(running(db, "alter table orders add column status text"))
                    .as("the lock wait goes on on the server")
                    .isZero();
            JsonNode error = new ObjectMapper().readTree(keel.stdout()).get("error");
            assertThat(error.get("exitCode").asInt()).isEqualTo(130);
            assertThat(error.get("message").asText())
                    .contains("interrupted by SIGINT while applying V1__status.sql")
                    .contains("nothing of it was applied");
            blocker.rollback();
        }
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history"))
                .isEqualTo("0");
        assertThat(cluster.queryString(
                        db, "select count(*) from information_schema.columns where table_name = 'orders'"))
                .isEqualTo("1");
    }

    @Test
    void anInterruptedConcurrentIndexBuildRecordsNoFailureAndTheNextRunFinishesIt(@TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "create table orders (id bigint primary key, status text)");
        TestProject project = TestProject.in(dir)
                .migration("V1__status_idx.sql", "create index concurrently orders_status_idx on orders (status);");
        try (Connection blocker = cluster.connect(db)) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table orders in share update exclusive mode");
            }
            JavaProcess keel = Cli.start(
                    project.dir(),
                    Map.of("KEEL_MIGRATIONS_LOCKTIMEOUT", "5min"),
                    "--url",
                    cluster.jdbcUrl(db),
                    "migrate");
            awaitRunning(db, "create index concurrently orders_status_idx", keel);

            keel.signal("TERM");

            assertThat(keel.waitFor(30)).as(keel.stderr()).isEqualTo(130);
            assertThat(running(db, "create index concurrently orders_status_idx"))
                    .isZero();
            assertThat(keel.stderr()
                            .lines()
                            .filter(l -> l.startsWith("keel: error:"))
                            .toList())
                    .singleElement()
                    .asString()
                    .contains("interrupted by SIGTERM while applying V1__status_idx.sql at line 1")
                    .contains("run migrate again: it resumes at the interrupted statement");
            blocker.rollback();
        }
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history"))
                .as("no failure recorded: no repair needed")
                .isEqualTo("0");

        Cli.Run next = Cli.run("--url", cluster.jdbcUrl(db), "-C", project.dir().toString(), "migrate");
        assertThat(next.exitCode()).as(next.stderr()).isZero();
        assertThat(cluster.queryString(
                        db,
                        "select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid "
                                + "where c.relname = 'orders_status_idx'"))
                .isEqualTo("t");
    }

    @Test
    void aKeelWaitingForAnotherKeelsMigrationLockStopsWaitingAndAppliesNothing(@TempDir Path dir) {
        String db = cluster.createDatabase();
        TestProject project = TestProject.in(dir).migration("V1__slow.sql", "select pg_sleep(60);");
        JavaProcess first = Cli.start(project.dir(), Map.of(), "--url", cluster.jdbcUrl(db), "migrate");
        awaitRunning(db, "select pg_sleep(60)", first);
        JavaProcess second = Cli.start(project.dir(), Map.of(), "--url", cluster.jdbcUrl(db), "migrate");
        try {
            awaitRunning(db, "pg_advisory_lock", second);

            second.signal("INT");

            assertThat(second.waitFor(30)).as(second.stderr()).isEqualTo(130);
            assertThat(running(db, "pg_advisory_lock")).isZero();
            assertThat(second.stderr()
                            .lines()
                            .filter(l -> l.startsWith("keel: error:"))
                            .toList())
                    .singleElement()
                    .asString()
                    .contains("interrupted by SIGINT before any migration was applied");
            assertThat(first.isAlive()).as("the other keel goes on").isTrue();
        } finally {
            first.signal("TERM");
            assertThat(first.waitFor(30)).as(first.stderr()).isEqualTo(130);
        }
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history"))
                .isEqualTo("0");
    }

    private void awaitRunning(String db, String query, JavaProcess keel) {
        Eventually.await(
                Duration.ofSeconds(60),
                "keel to run '" + query + "'",
                () -> {
                    if (running(db, query) > 0) {
                        return true;
                    }
                    if (!keel.isAlive()) {
                        throw new AssertionError("keel ended before it ran '" + query + "'; stderr: " + keel.stderr());
                    }
                    return false;
                },
                () -> "stderr: " + keel.stderr());
    }

    /** Sessions of keel's running {@code query} now; the cancel has taken effect once this is 0. */
    private int running(String db, String query) {
        return Integer.parseInt(cluster.queryString(
                db,
                "select count(*) from pg_stat_activity where datname = current_database() "
                        + "and application_name = 'keel' and state = 'active' and query like '%"
                        + query.replace("'", "''") + "%'"));
    }
}
