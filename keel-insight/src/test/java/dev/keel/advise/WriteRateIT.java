package dev.keel.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.keel.stats.Snapshot;
import dev.keel.stats.StatementSnapshots;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The write cost of a proposed index: real inserts and updates between two snapshots, and the lifetime fallback. */
@WithPostgres
class WriteRateIT {
    private final TestCluster cluster;

    WriteRateIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void theRateIsTheWritesBetweenTheTwoSnapshotsOverTheTimeBetweenThem() throws Exception {
        String db = cluster.createDatabase();
        StatementSnapshots snapshots = StatementSnapshots.inDefaultSchema();
        try (Connection c = cluster.connect(db)) {
            execute(c, "CREATE TABLE orders (id bigint PRIMARY KEY, status text NOT NULL)");
            // Writes before the first snapshot: in the lifetime rate, not in the recent one.
            execute(c, "INSERT INTO orders SELECT g, 'old' FROM generate_series(1, 5000) g");
            flushStatistics(c);
            Snapshot first = snapshots.take(c);
            execute(c, "INSERT INTO orders SELECT g, 'new' FROM generate_series(5001, 8000) g");
            execute(c, "UPDATE orders SET status = 'shipped' WHERE id <= 1000");
            execute(c, "DELETE FROM orders WHERE id > 7900");
            flushStatistics(c);
            Snapshot second = snapshots.take(c);

            TableWrites recent = WriteRate.of(c, "keel", first, second, "public", "orders");
            double seconds = Duration.between(first.takenAt(), second.takenAt()).toNanos() / 1e9;
            assertThat(recent.basis()).startsWith("between the snapshots " + first.id() + " and " + second.id());
            assertThat(recent.recent()).isTrue();
            assertThat(recent.insertsPerSecond() * seconds).isCloseTo(3000, within(1.0));
            assertThat(recent.updatesPerSecond() * seconds).isCloseTo(1000, within(1.0));
            assertThat(recent.deletesPerSecond() * seconds).isCloseTo(100, within(1.0));

            TableWrites lifetime = WriteRate.of(c, "keel", null, second, "public", "orders");
            assertThat(lifetime.basis()).startsWith(TableWrites.LIFETIME);
            assertThat(lifetime.recent()).isFalse();
            assertThat(lifetime.insertsPerSecond()).isPositive();
        }
    }

    @Test
    void aTableCreatedAfterTheOlderSnapshotFallsBackToItsLifetimeCounters() throws Exception {
        String db = cluster.createDatabase();
        StatementSnapshots snapshots = StatementSnapshots.inDefaultSchema();
        try (Connection c = cluster.connect(db)) {
            Snapshot first = snapshots.take(c);
            execute(c, "CREATE TABLE items (id bigint PRIMARY KEY)");
            execute(c, "INSERT INTO items SELECT generate_series(1, 100)");
            flushStatistics(c);
            Snapshot second = snapshots.take(c);

            assertThat(WriteRate.of(c, "keel", first, second, "public", "items").basis())
                    .startsWith(TableWrites.LIFETIME);
        }
    }

    /** This session's counters reach pg_stat_user_tables when it flushes them, which it does before its next idle moment when forced. */
    private static void flushStatistics(Connection c) throws Exception {
        execute(c, "SELECT pg_stat_force_next_flush()");
    }

    private static void execute(Connection c, String sql) throws Exception {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
