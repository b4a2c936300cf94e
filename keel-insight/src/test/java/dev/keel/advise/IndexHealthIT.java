package dev.keel.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.stats.StatementSnapshots;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Unused, duplicate, redundant and invalid indexes and a foreign key without index, each provoked on purpose;
 * and what must never be proposed for dropping. One cluster for the class, a database per test.
 */
@WithPostgres
class IndexHealthIT {

    @Test
    void findsEachProvokedProblemAndLeavesConstraintIndexesAlone(TestCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE customers (id bigint PRIMARY KEY, email text UNIQUE);
                CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, number int, due date);
                CREATE INDEX invoices_number ON invoices (number);
                CREATE INDEX invoices_number_again ON invoices (number);
                CREATE INDEX invoices_number_due ON invoices (number, due);
                INSERT INTO customers VALUES (1, 'a@example.com');
                INSERT INTO invoices VALUES (1, 1, 7, current_date), (2, 1, 7, current_date);
                """);
        try {
            cluster.execute(db, "CREATE UNIQUE INDEX CONCURRENTLY invoices_number_unique ON invoices (number)");
        } catch (IllegalStateException expected) {
            // Duplicate numbers: the build fails and leaves the index behind, invalid.
        }

        List<HealthFinding> findings;
        try (Connection c = cluster.connect(db)) {
            // No window: the statistics of a fresh cluster count for seconds, which by default is too early to call
            // anything unused.
            findings = IndexHealth.check(c, "keel", Duration.ZERO).findings();
        }

        assertThat(findings)
                .extracting(HealthFinding::kind, HealthFinding::index)
                .contains(
                        tuple(HealthFinding.Kind.INVALID, "invoices_number_unique"),
                        tuple(HealthFinding.Kind.DUPLICATE, "invoices_number_again"),
                        tuple(HealthFinding.Kind.REDUNDANT, "invoices_number"),
                        tuple(HealthFinding.Kind.UNUSED, "invoices_number_due"),
                        tuple(HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX, "invoices_customer_id_fkey"));
        // Primary keys and unique constraints enforce something even when no query reads them.
        assertThat(findings)
                .extracting(HealthFinding::index)
                .doesNotContain("customers_pkey", "customers_email_key", "invoices_pkey");
        assertThat(findings)
                .filteredOn(f -> f.kind() == HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX)
                .singleElement()
                .satisfies(f -> assertThat(f.fix())
                        .isEqualTo(
                                "CREATE INDEX CONCURRENTLY IF NOT EXISTS \"invoices_customer_id_idx\" ON \"public\".\"invoices\""
                                        + " (\"customer_id\");"));
        assertThat(findings)
                .filteredOn(f -> f.kind() == HealthFinding.Kind.DUPLICATE)
                .singleElement()
                .satisfies(f -> assertThat(f.fix())
                        .isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"invoices_number_again\";"));
    }

    @Test
    void aForeignKeyLedByAnIndexIsFine(TestCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE customers (id bigint PRIMARY KEY);
                CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, due date);
                CREATE INDEX invoices_customer_due ON invoices (customer_id, due);
                """);
        try (Connection c = cluster.connect(db)) {
            assertThat(IndexHealth.check(c, "keel", Duration.ZERO).findings())
                    .extracting(HealthFinding::kind)
                    .doesNotContain(HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX);
        }
    }

    /** Regression: on statistics one minute old, every index without a scan was proposed for DROP INDEX, the one under a foreign key too. */
    @Test
    void indexesBehindForeignKeysAndConstraintsAreNeverProposedForDropping(TestCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE customers (id bigint PRIMARY KEY, email text UNIQUE, code text);
                CREATE UNIQUE INDEX customers_code ON customers (code);
                CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, note text);
                CREATE INDEX invoices_customer ON invoices (customer_id);
                CREATE INDEX invoices_customer_again ON invoices (customer_id);
                CREATE TABLE lines (invoice_id bigint, line int, sku text, PRIMARY KEY (invoice_id, line));
                CREATE TABLE line_notes (invoice_id bigint, line int, body text, FOREIGN KEY (invoice_id, line) REFERENCES lines);
                CREATE INDEX line_notes_line_invoice ON line_notes (line, invoice_id);
                CREATE TABLE bookings (room int, during tstzrange, EXCLUDE USING gist (during WITH &&));
                CREATE INDEX invoices_note ON invoices (note);
                """);

        IndexHealth.Result result;
        try (Connection c = cluster.connect(db)) {
            result = IndexHealth.check(c, "keel", Duration.ZERO);
        }

        List<String> drops = result.findings().stream()
                .filter(f -> f.fix().startsWith("DROP INDEX"))
                .map(HealthFinding::index)
                .toList();
        // The control: an index no constraint needs is proposed, so the rule is not simply silent.
        assertThat(drops).contains("invoices_note");
        assertThat(drops)
                .doesNotContain(
                        "invoices_customer",
                        "line_notes_line_invoice",
                        "customers_pkey",
                        "customers_email_key",
                        "customers_code",
                        "invoices_pkey",
                        "lines_pkey",
                        "bookings_during_excl");
        assertThat(result.findings())
                .extracting(HealthFinding::kind)
                .doesNotContain(HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX);
        // Of two identical indexes under a foreign key one may go: the other keeps covering it, and the detail says so.
        assertThat(result.findings())
                .filteredOn(f -> f.index().equals("invoices_customer_again"))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.kind()).isEqualTo(HealthFinding.Kind.DUPLICATE);
                    assertThat(f.detail())
                            .contains("invoices_customer also keeps covering foreign key invoices_customer_id_fkey");
                });
    }

    @Test
    void onFreshStatisticsItIsTooEarlyToCallAnIndexUnused(TestCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(
                db,
                "CREATE TABLE invoices (id bigint PRIMARY KEY, note text); CREATE INDEX invoices_note ON invoices (note)");

        IndexHealth.Result result;
        try (Connection c = cluster.connect(db)) {
            result = IndexHealth.check(c, "keel", Duration.ofDays(7));
        }

        assertThat(result.findings()).extracting(HealthFinding::kind).doesNotContain(HealthFinding.Kind.UNUSED);
        assertThat(result.tooEarly()).singleElement().satisfies(t -> {
            assertThat(t.index()).isEqualTo("invoices_note");
            assertThat(t.observedSeconds()).isLessThan(Duration.ofDays(7).toSeconds());
            assertThat(t.judgeableAt()).isEqualTo(t.countingSince().plusDays(7));
        });
        assertThat(IndexHealth.tooEarlyNote(result.tooEarly(), Duration.ofDays(7)))
                .startsWith(
                        "too early to judge whether 1 index with no scan is unused (public.invoices_note): scans have been counted for ")
                .contains("advise.unusedAfter asks for 7d")
                .contains("; it can be judged in ")
                .contains(", from ");
    }

    @Test
    void anOldSnapshotThatSawNoScanWidensTheWindowAndANewerIndexWaits(TestCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(
                db,
                "CREATE TABLE invoices (id bigint PRIMARY KEY, note text, due date); CREATE INDEX invoices_note ON invoices (note)");
        try (Connection c = cluster.connect(db)) {
            StatementSnapshots.inDefaultSchema().take(c);
            try (Statement s = c.createStatement()) {
                // Ten days of history: the snapshot keel took is moved back, as if cron had taken it then.
                s.execute("UPDATE keel.stat_snapshot SET taken_at = now() - interval '10 days'");
                s.execute("CREATE INDEX invoices_due ON invoices (due)");
            }
            // Never reset, on PostgreSQL 15 or later: nothing since the snapshot can have hidden a scan.
            assertThat(cluster.queryString(
                            db, "SELECT stats_reset FROM pg_stat_database WHERE datname = current_database()"))
                    .isNull();
            assertThat(cluster.majorVersion()).isGreaterThanOrEqualTo(15);

            IndexHealth.Result result = IndexHealth.check(c, "keel", Duration.ofDays(7));

            assertThat(result.findings())
                    .filteredOn(f -> f.kind() == HealthFinding.Kind.UNUSED)
                    .singleElement()
                    .satisfies(f -> assertThat(f.index()).isEqualTo("invoices_note"));
            assertThat(result.tooEarly()).singleElement().satisfies(t -> {
                assertThat(t.index()).isEqualTo("invoices_due");
                assertThat(t.countingSince()).isAfter(OffsetDateTime.now().minusDays(1));
            });
        }
    }
}
