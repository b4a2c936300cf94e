package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.stats.StatementSnapshots;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * A table of a few megabytes stands in for one of many gigabytes: the limits are scaled down with it (minBytes 1 MB,
 * effective_cache_size set for the database). Days of growth cannot pass in a test, so the history is real snapshots
 * whose taken_at and sizes are moved back in time as a week of snapshots would have recorded them.
 */
@WithPostgres
class TableGrowthIT {
    private static final TableGrowth SCALED = new TableGrowth(
            Duration.ofDays(30),
            Duration.ofDays(1),
            3,
            1L << 20,
            Duration.ofDays(90),
            Duration.ofDays(30),
            Duration.ofHours(1),
            1L << 20);

    private final TestCluster cluster;

    TableGrowthIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    private String eventsDatabase(String cacheSize) {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
        cluster.execute(db, "ALTER DATABASE " + db + " SET effective_cache_size = '" + cacheSize + "'");
        cluster.execute(
                db,
                "CREATE TABLE events (id bigint PRIMARY KEY, created_at timestamptz NOT NULL, payload text,"
                        + " seen_on date)");
        cluster.execute(db, "CREATE INDEX ON events (created_at)");
        cluster.execute(
                db,
                "INSERT INTO events SELECT g, now() - g * interval '1 minute', repeat('x', 200), current_date"
                        + " FROM generate_series(1, 20000) g");
        cluster.execute(db, "ANALYZE events");
        return db;
    }

    /** Real snapshots, then their times and this table's sizes moved back: -growth per day over {@code days}. */
    private void weekOfSnapshots(String db, long bytesPerDay, int days) throws SQLException {
        try (Connection c = cluster.connect(db)) {
            for (int i = 0; i < days; i++) {
                new StatementSnapshots("keel").take(c);
            }
        }
        cluster.execute(
                db,
                "WITH ordered AS (SELECT id, row_number() OVER (ORDER BY id DESC) - 1 AS back FROM keel.stat_snapshot)"
                        + " UPDATE keel.stat_snapshot s SET taken_at = s.taken_at - o.back * interval '1 day'"
                        + " FROM ordered o WHERE o.id = s.id");
        cluster.execute(
                db,
                "UPDATE keel.stat_table t SET total_bytes = t.total_bytes - (extract(epoch FROM now() - s.taken_at)"
                        + " / 86400)::bigint * " + bytesPerDay + " FROM keel.stat_snapshot s"
                        + " WHERE s.id = t.snapshot_id AND t.table_name = 'events'");
    }

    private void rangeReads(String db) {
        for (int i = 0; i < 3; i++) {
            cluster.queryString(
                    db,
                    "SELECT count(*) FROM events WHERE created_at >= now() - interval '1 hour' AND created_at < now()");
        }
    }

    @Test
    void aTableGrowingTowardsTheCacheWithRangeReadsGetsAPartitioningProposal() throws SQLException {
        String db = eventsDatabase("64MB");
        rangeReads(db);
        cluster.execute(db, "DELETE FROM events WHERE created_at < now() - interval '300 days'");
        long size = Long.parseLong(cluster.queryString(db, "SELECT pg_total_relation_size('events')"));
        // 64 MB of cache, growing so the table reaches it in about 20 days.
        long perDay = ((64L << 20) - size) / 20;
        weekOfSnapshots(db, perDay, 7);

        var report = DoctorRuns.run(cluster, db, SCALED);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.check()).isEqualTo("table-growth");
            assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
            assertThat(f.evidence())
                    .containsEntry("table", "public.events")
                    .containsEntry("limit", "effective_cache_size")
                    .containsEntry("partitionKey", "created_at")
                    .containsEntry("statementsSeen", true);
            assertThat((Double) f.evidence().get("daysUntilLimit")).isBetween(17.0, 23.0);
            assertThat((Long) f.evidence().get("bytesPerDay")).isBetween(perDay * 9 / 10, perDay * 11 / 10);
            assertThat((Long) f.evidence().get("rangeReadCalls")).isEqualTo(3L);
            assertThat((Long) f.evidence().get("oldRowDeleteCalls")).isEqualTo(1L);
            assertThat((String) f.evidence().get("changeFile"))
                    .contains("partition_table:", "table: public.events", "column: created_at, interval: 1 day")
                    .contains("# retention:");
            assertThat(f.summary()).contains("public.events", "in about 20 days", "partition it by created_at");
        });
    }

    @Test
    void withoutReadsOrDeletesByTimePartitioningWouldNotPayAndItStaysSilent() throws SQLException {
        String db = eventsDatabase("64MB");
        cluster.queryString(db, "SELECT payload FROM events WHERE id = 7");
        long size = Long.parseLong(cluster.queryString(db, "SELECT pg_total_relation_size('events')"));
        weekOfSnapshots(db, ((64L << 20) - size) / 20, 7);

        assertThat(DoctorRuns.run(cluster, db, SCALED).findings()).isEmpty();
    }

    @Test
    void aLimitBeyondTheHorizonIsNotYetAFindingAndAShrinkingTableNever() throws SQLException {
        String db = eventsDatabase("1GB");
        rangeReads(db);
        weekOfSnapshots(db, 1L << 20, 7);
        assertThat(DoctorRuns.run(cluster, db, SCALED).findings())
                .as("1 GB at 1 MB a day")
                .isEmpty();

        String shrinking = eventsDatabase("64MB");
        rangeReads(shrinking);
        weekOfSnapshots(shrinking, -(1L << 20), 7);
        assertThat(DoctorRuns.run(cluster, shrinking, SCALED).findings()).isEmpty();
    }

    @Test
    void aTablePastTheLimitIsReportedBeforeAnySnapshotExists() {
        String db = eventsDatabase("1MB");
        rangeReads(db);

        var report = DoctorRuns.run(cluster, db, SCALED);

        assertThat(report.findings()).singleElement().satisfies(f -> {
            assertThat(f.evidence())
                    .containsEntry("daysUntilLimit", 0.0)
                    .containsEntry("bytesPerDay", null)
                    .containsEntry("interval", "1 month");
            assertThat(f.summary()).contains("is past effective_cache_size");
        });
    }
}
