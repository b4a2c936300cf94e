package dev.keel.testing.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs each side's query through that side's search_path inside one REPEATABLE READ transaction,
 * so every side reads the same snapshot while the writers go on.
 */
final class SnapshotReader {
    private SnapshotReader() {}

    /** The rows of each side's query, by side name, in the order the sides are given. */
    static Map<String, List<List<String>>> read(Connection c, Map<Side, String> queries) throws SQLException {
        Map<String, List<List<String>>> results = new LinkedHashMap<>();
        c.setAutoCommit(false);
        try (Statement s = c.createStatement()) {
            s.execute("set transaction isolation level repeatable read");
            for (Map.Entry<Side, String> e : queries.entrySet()) {
                try (PreparedStatement path = c.prepareStatement("select set_config('search_path', ?, true)")) {
                    path.setString(1, e.getKey().searchPath());
                    path.execute();
                }
                results.put(e.getKey().name(), rows(s, e.getValue()));
            }
        } finally {
            c.rollback();
            c.setAutoCommit(true);
        }
        return results;
    }

    private static List<List<String>> rows(Statement s, String query) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (ResultSet rs = s.executeQuery(query)) {
            ResultSetMetaData meta = rs.getMetaData();
            while (rs.next()) {
                List<String> row = new ArrayList<>(meta.getColumnCount());
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.add(rs.getString(i));
                }
                rows.add(row);
            }
        }
        return rows;
    }
}
