package dev.keel.advise;

import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** Rows written per second to a table, from pg_stat_user_tables since the statistics were last reset. */
final class WriteRate {

    private WriteRate() {
    }

    static double perSecond(Connection c, String schema, String table) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(WriteRate.class, "table-writes.sql"))) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return 0;
                }
                double seconds = rs.getDouble("seconds");
                return seconds <= 0 ? 0 : rs.getLong("writes") / seconds;
            }
        }
    }
}
