package dev.keel.advise;

import dev.keel.sql.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the catalog says about one table: its columns with their selectivity, and its usable b-tree indexes. */
final class TableCatalog {
    private final Map<String, Double> distinctValues;
    private final List<List<String>> indexKeys;

    private TableCatalog(Map<String, Double> distinctValues, List<List<String>> indexKeys) {
        this.distinctValues = distinctValues;
        this.indexKeys = indexKeys;
    }

    static TableCatalog read(Connection c, String schema, String table) throws SQLException {
        Map<String, Double> distinct = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(TableCatalog.class, "column-stats.sql"))) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    double values = rs.getDouble("distinct_values");
                    // Without statistics (never analyzed) every column counts the same; nulls never match =.
                    distinct.put(
                            rs.getString("column_name"),
                            rs.wasNull() ? 1.0 : values * (1 - rs.getDouble("null_fraction")));
                }
            }
        }
        List<List<String>> keys = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(TableCatalog.class, "index-keys.sql"))) {
            s.setString(1, schema);
            s.setString(2, table);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    Array array = rs.getArray("key_columns");
                    keys.add(Arrays.asList((String[]) array.getArray()));
                }
            }
        }
        return new TableCatalog(distinct, keys);
    }

    boolean exists() {
        return !distinctValues.isEmpty();
    }

    boolean hasColumn(String column) {
        return distinctValues.containsKey(column);
    }

    /** Estimated distinct non-null values: more means a more selective equality. */
    double distinctValues(String column) {
        return distinctValues.getOrDefault(column, 1.0);
    }

    /** Whether a valid index already starts with exactly these columns, so the candidate would add nothing. */
    boolean covers(List<String> columns) {
        return indexKeys.stream()
                .anyMatch(key -> key.size() >= columns.size()
                        && key.subList(0, columns.size()).equals(columns));
    }
}
