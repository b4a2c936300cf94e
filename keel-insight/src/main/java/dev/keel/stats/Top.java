package dev.keel.stats;

import dev.keel.config.Durations;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@code keel top}: takes a snapshot now and ranks statements against the newest snapshot at least
 * {@code since} old. Without one it takes the oldest there is (a shorter window, said in a note),
 * and without any it counts since pg_stat_statements was last reset (also said). A role without
 * pg_read_all_stats ranks only its own statements: the first note says so and names the grant.
 */
public final class Top {

    private Top() {}

    public static Ranking run(ConnectionSource source, String schema, Duration since, RankBy by, int limit) {
        try (Connection c = source.open()) {
            return run(c, schema, since, by, limit);
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "closing the connection to " + source.describe() + " failed: " + e.getMessage(),
                    "retry",
                    e);
        }
    }

    public static Ranking run(Connection c, String schema, Duration since, RankBy by, int limit) {
        StatementSnapshots snapshots = new StatementSnapshots(schema);
        Snapshot now = snapshots.take(c);
        OffsetDateTime asked = now.takenAt().minus(since);
        List<String> notes = new ArrayList<>();
        Optional<Snapshot> older = snapshots.newestAtOrBefore(c, asked, now.id());
        if (older.isEmpty()) {
            older = snapshots.oldest(c, now.id());
            older.ifPresent(o -> notes.add("the oldest snapshot is from " + Times.format(o.takenAt())
                    + ": the window is " + Durations.rounded(Duration.between(o.takenAt(), now.takenAt()))
                    + ", shorter than the " + Durations.rounded(since) + " asked"));
        }
        StatsVisibility visibility;
        try {
            visibility = StatsVisibility.of(c);
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "reading the role's statistics privileges failed: "
                            + e.getMessage().lines().findFirst().orElse(""),
                    "retry",
                    e);
        }
        return new StatementRanking(schema)
                .between(c, older.orElse(null), now, by, limit)
                .asked(asked, visibility, notes);
    }
}
