package dev.keel.migrate.shadow;

import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Fills the shadow's tables with generated rows, a share of what each table holds on the target,
 * so that a statement's duration on the shadow says something about the real one. Rows are made in
 * SQL (INSERT … SELECT … FROM generate_series), parents before children; a table PostgreSQL
 * refuses rows for (a CHECK constraint, a type without a synthetic value) stays as it is, with a
 * warning, and never stops the analysis.
 */
public final class SyntheticRows {
    private final TargetRows target;
    private final double scale;
    private final long cap;
    private final String stateSchema;

    /**
     * @param scale the share of the target's estimated rows, 0 to 1
     * @param cap the most rows one table gets
     * @param stateSchema keel's own schema, replayed by the history but never filled
     */
    public SyntheticRows(TargetRows target, double scale, long cap, String stateSchema) {
        this.target = target;
        this.scale = scale;
        this.cap = cap;
        this.stateSchema = stateSchema;
    }

    /** The rows a table should hold at this scale, before the cap. */
    public long wanted(RelationName table) {
        return Math.round(target.estimate(table).orElse(0) * scale);
    }

    /** Runs each table's insert in a transaction of its own (the connection must be in autocommit), then ANALYZE. */
    public FillReport fill(Connection shadow) throws SQLException {
        long start = System.nanoTime();
        Map<RelationName, List<FillColumn>> tables = columns(shadow);
        List<ForeignKey> keys = foreignKeys(shadow);
        Map<RelationName, Long> filled = new LinkedHashMap<>();
        List<String> warnings = new ArrayList<>();
        for (RelationName table : FillOrder.parentsFirst(tables.keySet(), keys)) {
            long wanted = wanted(table);
            if (wanted > cap) {
                warnings.add(table.display() + " gets " + RowCounts.human(cap) + " synthetic rows, not "
                        + RowCounts.human(wanted) + " (" + target.describe(table) + " at scale "
                        + ShadowOptions.decimal(scale) + "): capped by --scale-cap");
                wanted = cap;
            }
            long existing = count(shadow, table);
            if (wanted <= existing) {
                continue;
            }
            List<ForeignKey> own =
                    keys.stream().filter(k -> k.child().equals(table)).toList();
            String sql = insert(table, tables.get(table), own, existing + 1, wanted);
            try (Statement s = shadow.createStatement()) {
                filled.put(table, (long) s.executeUpdate(sql));
            } catch (SQLException e) {
                warnings.add(table.display() + " stays without synthetic rows: "
                        + e.getMessage().lines().findFirst().orElse(""));
            }
        }
        try (Statement s = shadow.createStatement()) {
            s.execute("ANALYZE");
        }
        return new FillReport(filled, warnings, (System.nanoTime() - start) / 1_000_000);
    }

    /**
     * One INSERT for rows {@code from}..{@code to} of the series. Each foreign key joins one parent row
     * (rows taken in turn, so child rows spread over the parents); a parent without rows leaves the
     * columns NULL, which a NOT NULL column then refuses. ON CONFLICT DO NOTHING lets rows a migration
     * already inserted keep their unique keys.
     */
    static String insert(RelationName table, List<FillColumn> columns, List<ForeignKey> keys, long from, long to) {
        List<String> names = new ArrayList<>();
        List<String> values = new ArrayList<>();
        StringBuilder joins = new StringBuilder();
        Set<String> assigned = new HashSet<>();
        int n = 0;
        for (ForeignKey key : keys) {
            if (key.columns().stream().anyMatch(assigned::contains)) {
                continue;
            }
            String alias = "f" + (++n);
            List<String> picked = new ArrayList<>();
            for (int i = 0; i < key.columns().size(); i++) {
                picked.add("p." + Identifiers.quote(key.referenced().get(i)) + " AS k" + i);
                names.add(Identifiers.quote(key.columns().get(i)));
                values.add(alias + ".k" + i);
                assigned.add(key.columns().get(i));
            }
            String parent = key.parent().quoted();
            joins.append("\nLEFT JOIN (SELECT ")
                    .append(String.join(", ", picked))
                    .append(", row_number() OVER () AS rn FROM ")
                    .append(parent)
                    .append(" p) ")
                    .append(alias)
                    .append(" ON ")
                    .append(alias)
                    .append(".rn = 1 + (s.g - 1) % greatest((SELECT count(*) FROM ")
                    .append(parent)
                    .append("), 1)");
        }
        for (FillColumn column : columns) {
            if (assigned.contains(column.name())) {
                continue;
            }
            ColumnValues.expression(column, "s.g").ifPresent(expression -> {
                names.add(Identifiers.quote(column.name()));
                values.add(expression);
            });
        }
        if (names.isEmpty()) {
            // Every column fills itself: one statement per row would be slow, so select no columns instead.
            return "INSERT INTO " + table.quoted() + " SELECT FROM generate_series(" + from + ", " + to
                    + ") AS s(g) ON CONFLICT DO NOTHING";
        }
        return "INSERT INTO " + table.quoted() + " (" + String.join(", ", names) + ")\nSELECT "
                + String.join(", ", values) + "\nFROM generate_series(" + from + ", " + to + ") AS s(g)" + joins
                + "\nON CONFLICT DO NOTHING";
    }

    private Map<RelationName, List<FillColumn>> columns(Connection shadow) throws SQLException {
        Map<RelationName, List<FillColumn>> tables = new LinkedHashMap<>();
        try (PreparedStatement s =
                shadow.prepareStatement(SqlResources.load(SyntheticRows.class, "fill-columns.sql"))) {
            s.setString(1, stateSchema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    tables.computeIfAbsent(new RelationName(rs.getString(1), rs.getString(2)), k -> new ArrayList<>())
                            .add(new FillColumn(
                                    rs.getString(3),
                                    rs.getString(4),
                                    rs.getString(5),
                                    rs.getString(6),
                                    rs.getString(7),
                                    rs.getString(8),
                                    rs.getInt(9),
                                    rs.getBoolean(10),
                                    rs.getBoolean(11)));
                }
            }
        }
        return tables;
    }

    private List<ForeignKey> foreignKeys(Connection shadow) throws SQLException {
        List<ForeignKey> keys = new ArrayList<>();
        try (PreparedStatement s =
                shadow.prepareStatement(SqlResources.load(SyntheticRows.class, "fill-foreign-keys.sql"))) {
            s.setString(1, stateSchema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(new ForeignKey(
                            new RelationName(rs.getString(1), rs.getString(2)),
                            new RelationName(rs.getString(3), rs.getString(4)),
                            rs.getString(5),
                            names(rs.getArray(6)),
                            names(rs.getArray(7))));
                }
            }
        }
        return keys;
    }

    private static List<String> names(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    private static long count(Connection shadow, RelationName table) throws SQLException {
        try (Statement s = shadow.createStatement();
                ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table.quoted())) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
