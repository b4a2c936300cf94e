package dev.keel.stats;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;

/** keel stats snapshot: what a snapshot stores, and that it sets up what it needs on first use. */
@WithPostgres
class StatementSnapshotsIT {
    private final TestCluster cluster;

    StatementSnapshotsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void firstSnapshotCreatesTheExtensionAndKeelsTablesAndStoresStatementsTablesAndIndexes() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY, total numeric)");
        cluster.execute(db, "INSERT INTO orders SELECT g, g FROM generate_series(1, 100) g");
        cluster.execute(db, "SELECT count(*) FROM orders WHERE total > 50");
        try (Connection c = cluster.connect(db)) {
            Snapshot snapshot = StatementSnapshots.inDefaultSchema().take(c);

            assertThat(snapshot.statements()).isPositive();
            assertThat(snapshot.tables()).isEqualTo(1);
            assertThat(snapshot.indexes()).isEqualTo(1);
            assertThat(snapshot.serverVersion()).isGreaterThanOrEqualTo(130000);
            assertThat(snapshot.serverStartedAt()).isBefore(snapshot.takenAt());
            assertThat(snapshot.statementsResetAt() != null).isEqualTo(cluster.majorVersion() >= 14);
            assertThat(cluster.queryString(db, "SELECT extname FROM pg_extension WHERE extname = 'pg_stat_statements'"))
                    .isNotNull();
            assertThat(cluster.queryString(
                            db,
                            "SELECT string_agg(query, ' | ') FROM keel.stat_statement WHERE snapshot_id = "
                                    + snapshot.id()))
                    .contains("SELECT count(*) FROM orders WHERE total > $1")
                    .doesNotContain("keel stats");
            assertThat(cluster.queryString(
                            db,
                            "SELECT n_live_tup || '/' || index_name FROM keel.stat_table t JOIN keel.stat_index i USING (snapshot_id, relid)"
                                    + " WHERE snapshot_id = " + snapshot.id()))
                    .isEqualTo("100/orders_pkey");
        }
    }

    @Test
    void onlyThisDatabasesStatementsAreStored() throws Exception {
        String mine = cluster.createDatabase();
        String other = cluster.createDatabase();
        cluster.execute(other, "SELECT 'only in the other database' AS marker");
        try (Connection c = cluster.connect(mine)) {
            Snapshot snapshot = StatementSnapshots.inDefaultSchema().take(c);
            assertThat(cluster.queryString(
                            mine,
                            "SELECT count(*) FROM keel.stat_statement WHERE snapshot_id = " + snapshot.id()
                                    + " AND query LIKE '%only in the other database%'"))
                    .isEqualTo("0");
        }
    }

    @Test
    void snapshotsAreFoundByTimeAndPrunedWithTheirRows() throws Exception {
        String db = cluster.createDatabase();
        StatementSnapshots snapshots = new StatementSnapshots("keel_stats");
        try (Connection c = cluster.connect(db)) {
            Snapshot first = snapshots.take(c);
            Snapshot second = snapshots.take(c);

            assertThat(snapshots.newestAtOrBefore(c, second.takenAt(), second.id()))
                    .contains(first);
            assertThat(snapshots.newestAtOrBefore(c, first.takenAt().minusSeconds(1), second.id()))
                    .isEmpty();
            assertThat(snapshots.oldest(c, -1)).contains(first);
            assertThat(snapshots.newest(c)).contains(second);

            assertThat(snapshots.prune(c, second.takenAt())).isEqualTo(1);
            assertThat(snapshots.oldest(c, -1)).contains(second);
            assertThat(cluster.queryString(
                            db, "SELECT count(*) FROM keel_stats.stat_statement WHERE snapshot_id = " + first.id()))
                    .isEqualTo("0");
            assertThat(snapshots.prune(c, OffsetDateTime.now().plusDays(1))).isEqualTo(1);
        }
    }
}
