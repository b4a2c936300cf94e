package dev.keel.doctor.checks;

import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs a check's .sql resource and returns its rows as column → value maps. Checks read a handful
 * of rows at most, so materializing them keeps each check free of JDBC plumbing.
 */
final class Rows {

    private Rows() {}

    static List<Row> query(Connection c, String resource, Object... parameters) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(Rows.class, resource))) {
            for (int i = 0; i < parameters.length; i++) {
                s.setObject(i + 1, parameters[i]);
            }
            return read(s);
        }
    }

    /** Runs a statement whose parameters are set and returns its rows. */
    static List<Row> read(PreparedStatement s) throws SQLException {
        try (ResultSet rs = s.executeQuery()) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Row> rows = new ArrayList<>();
            while (rs.next()) {
                Map<String, Object> values = new LinkedHashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    values.put(meta.getColumnLabel(i), rs.getObject(i));
                }
                rows.add(new Row(values));
            }
            return rows;
        }
    }

    /** One row; numbers come back as whatever JDBC chose, read them through the typed getters. */
    record Row(Map<String, Object> values) {
        String text(String column) {
            Object v = values.get(column);
            return v == null ? null : v.toString();
        }

        long whole(String column) {
            Object v = values.get(column);
            return v == null ? 0 : ((Number) v).longValue();
        }

        Long wholeOrNull(String column) {
            Object v = values.get(column);
            return v == null ? null : ((Number) v).longValue();
        }

        double decimal(String column) {
            Object v = values.get(column);
            return v == null ? 0 : ((Number) v).doubleValue();
        }

        boolean flag(String column) {
            return Boolean.TRUE.equals(values.get(column));
        }

        boolean isNull(String column) {
            return values.get(column) == null;
        }
    }
}
