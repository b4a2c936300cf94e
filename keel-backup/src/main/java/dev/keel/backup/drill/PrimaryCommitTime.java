package dev.keel.backup.drill;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * The newest commit time on the primary: the last commit itself when track_commit_timestamp is on,
 * otherwise now(), which assumes writes are ongoing and so never understates the RPO.
 */
public final class PrimaryCommitTime {
    private static final String QUERY = "select coalesce(case when current_setting('track_commit_timestamp')::boolean"
            + " then (pg_last_committed_xact()).timestamp end, now())";

    private PrimaryCommitTime() {}

    public static Instant read(Connection primary) throws SQLException {
        try (Statement s = primary.createStatement();
                ResultSet rs = s.executeQuery(QUERY)) {
            rs.next();
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }
}
