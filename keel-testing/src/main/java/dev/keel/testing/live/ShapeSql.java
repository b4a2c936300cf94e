package dev.keel.testing.live;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Random;

/**
 * Application statements given as SQL text, one per kind, with fixed parameters: read {@code (key)},
 * insert {@code (key, value)}, update {@code (value, key)}, delete {@code (key)}. Unqualified table
 * names resolve through the side's search_path, as an application's would.
 */
public record ShapeSql(String read, String insert, String update, String delete, ValueSource values)
        implements ApplicationStatements {

    /** Point statements on one key column and one value column, names written into the SQL as given. */
    public static ShapeSql forColumns(String table, String keyColumn, String valueColumn, ValueSource values) {
        return new ShapeSql(
                "select " + keyColumn + ", " + valueColumn + " from " + table + " where " + keyColumn + " = ?",
                "insert into " + table + " (" + keyColumn + ", " + valueColumn + ") values (?, ?)",
                "update " + table + " set " + valueColumn + " = ? where " + keyColumn + " = ?",
                "delete from " + table + " where " + keyColumn + " = ?",
                values);
    }

    @Override
    public void run(StatementKind kind, Connection connection, long key, Random random) throws SQLException {
        switch (kind) {
            case READ -> {
                try (PreparedStatement s = connection.prepareStatement(read)) {
                    s.setLong(1, key);
                    try (ResultSet rs = s.executeQuery()) {
                        while (rs.next()) {
                            // Read every row, as an application would, so a failure while fetching counts too.
                            rs.getObject(1);
                        }
                    }
                }
            }
            case INSERT -> execute(connection, insert, key, values.next(random), true);
            case UPDATE -> execute(connection, update, key, values.next(random), false);
            case DELETE -> {
                try (PreparedStatement s = connection.prepareStatement(delete)) {
                    s.setLong(1, key);
                    s.executeUpdate();
                }
            }
        }
    }

    private static void execute(Connection connection, String sql, long key, Object value, boolean keyFirst)
            throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(sql)) {
            s.setLong(keyFirst ? 1 : 2, key);
            s.setObject(keyFirst ? 2 : 1, value);
            s.executeUpdate();
        }
    }
}
