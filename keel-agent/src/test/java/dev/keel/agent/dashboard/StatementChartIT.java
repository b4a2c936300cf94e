package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.stats.StatementSnapshots;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.OffsetDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The chart's series from keel's snapshot tables: deltas, the first point, a reset, and thinning a long window. */
@WithPostgres
class StatementChartIT {
    private static final OffsetDateTime BASE = OffsetDateTime.parse("2020-01-01T00:00:00Z");

    @Test
    void sixHundredSnapshotsBecomeThreeHundredPointsOfDeltasWithAResetCountedFromZero(TestCluster cluster)
            throws Exception {
        String db = cluster.createDatabase();
        try (Connection c = cluster.connect(db)) {
            StatementSnapshots.inDefaultSchema().take(c);
        }
        // A snapshot a minute for 600 minutes; statement 42 spends 2 ms a minute, and its counters are reset after
        // the 300th snapshot (then count anew from 1 ms).
        cluster.execute(db, """
                INSERT INTO keel.stat_snapshot (taken_at, server_started_at, server_version)
                SELECT timestamptz '2020-01-01 00:00Z' + i * interval '1 minute', timestamptz '2019-12-31 00:00Z', 170000
                FROM generate_series(0, 599) i;
                INSERT INTO keel.stat_statement (snapshot_id, queryid, userid, query, calls, total_exec_ms, rows,
                    shared_blks_hit, shared_blks_read, shared_blks_dirtied, shared_blks_written, temp_blks_read,
                    temp_blks_written)
                SELECT s.id, 42, 10, 'q', s.n, CASE WHEN s.n < 300 THEN s.n * 2 ELSE (s.n - 300) * 2 + 1 END,
                       0, 0, 0, 0, 0, 0, 0
                FROM (SELECT id, row_number() OVER (ORDER BY taken_at) - 1 AS n
                      FROM keel.stat_snapshot WHERE taken_at < '2021-01-01') s;
                """);

        StatementChart chart;
        try (Connection c = cluster.connect(db)) {
            chart = StatementChart.read(c, "keel", BASE, BASE.plusMinutes(599), List.of(42L, 7L), List.of("q", "none"));
        }

        assertThat(chart.x()).hasSize(StatementChart.MAX_POINTS).isSorted();
        assertThat(chart.x().get(chart.x().size() - 1))
                .as("the newest snapshot is always a point")
                .isEqualTo(BASE.plusMinutes(599).toEpochSecond() * 1.0);
        List<Double> q = chart.series().get(0);
        assertThat(q.get(0)).as("nothing to subtract at the first point").isNull();
        assertThat(q.get(1)).as("two snapshots apart: 2 ms a minute").isEqualTo(4.0);
        assertThat(q.get(150)).as("after the reset the counter counts anew").isEqualTo(3.0);
        assertThat(q.get(299)).isEqualTo(4.0);
        assertThat(chart.series().get(1))
                .as("a statement in no snapshot has no point")
                .containsOnlyNulls();
        assertThat(chart.labels()).containsExactly("q", "none");
    }
}
