package dev.keel.stats;

import dev.keel.connect.ConnectionSource;
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
 * and without any it counts since pg_stat_statements was last reset (also said).
 */
public final class Top {

    private Top() {
    }

    public static Ranking run(ConnectionSource source, String schema, Duration since, RankBy by, int limit) {
        try (Connection c = source.open()) {
            return run(c, schema, since, by, limit);
        } catch (SQLException e) {
            throw dev.keel.error.KeelException.operation("closing the connection to " + source.describe() + " failed: " + e.getMessage(),
                    "retry", e);
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
            older.ifPresent(o -> notes.add("the oldest snapshot is from " + Times.format(o.takenAt()) + ": the window is "
                    + Times.human(Duration.between(o.takenAt(), now.takenAt())) + ", shorter than the " + Times.human(since) + " asked"));
        }
        return new StatementRanking(schema).between(c, older.orElse(null), now, by, limit).asked(asked, notes);
    }
}
