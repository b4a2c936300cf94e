package dev.keel.check;

import dev.keel.check.SchemaModel.Column;
import dev.keel.check.SchemaModel.Constraint;
import dev.keel.check.SchemaModel.Relation;
import dev.keel.check.SchemaModel.RelationKind;
import dev.keel.check.SchemaModel.Volatility;
import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlResources;
import dev.keel.sql.SqlToken;
import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/**
 * The target's catalog as a {@link SchemaModel}: relations with their kind and row estimate, column
 * types, indexes by stored name, constraints, function volatility and domains. What is not in it does
 * not exist on the target, so a fresh database has no live table for the checks to protect.
 */
public final class CatalogFacts {

    private CatalogFacts() {}

    public static SchemaModel load(Connection c) throws SQLException {
        SchemaModel model = new SchemaModel(true);
        try (Statement s = c.createStatement()) {
            List<String[]> partitions = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(sql("catalog-relations.sql"))) {
                while (rs.next()) {
                    String name = rs.getString(1) + "." + rs.getString(2);
                    model.addRelation(name, kind(rs.getString(3)), false, rs.getLong(4));
                    if (rs.getString(6) != null) {
                        partitions.add(new String[] {name, rs.getString(5) + "." + rs.getString(6)});
                    }
                }
            }
            // Linked once all are known: a partition may come before its partitioned table.
            partitions.forEach(p -> model.partitionOf(p[0], p[1]));
            try (ResultSet rs = s.executeQuery(sql("catalog-columns.sql"))) {
                while (rs.next()) {
                    Relation relation = model.relation(rs.getString(1) + "." + rs.getString(2))
                            .orElse(null);
                    if (relation != null) {
                        relation.columnMap()
                                .put(
                                        rs.getString(3),
                                        new Column(
                                                rs.getString(3),
                                                ColumnType.parse(rs.getString(4)),
                                                rs.getBoolean(5),
                                                false));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(sql("catalog-indexes.sql"))) {
                while (rs.next()) {
                    model.addIndex(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3) + "." + rs.getString(4),
                            rs.getBoolean(5) ? leading(rs.getArray(6)) : List.of(),
                            false);
                }
            }
            try (ResultSet rs = s.executeQuery(sql("catalog-constraints.sql"))) {
                while (rs.next()) {
                    Relation relation = model.relation(rs.getString(1) + "." + rs.getString(2))
                            .orElse(null);
                    if (relation != null) {
                        String name = rs.getString(3);
                        relation.constraintMap()
                                .put(
                                        name,
                                        new Constraint(
                                                name,
                                                checkedColumn(rs.getString(5)),
                                                rs.getBoolean(4),
                                                rs.getString(5) != null));
                    }
                }
            }
            try (ResultSet rs = s.executeQuery(sql("catalog-functions.sql"))) {
                while (rs.next()) {
                    String v = rs.getString(2);
                    model.function(
                            rs.getString(1),
                            v.equals("i")
                                    ? Volatility.IMMUTABLE
                                    : v.equals("s") ? Volatility.STABLE : Volatility.VOLATILE);
                }
            }
            try (ResultSet rs = s.executeQuery(sql("catalog-session.sql"))) {
                if (rs.next()) {
                    model.sessionTimeZone(rs.getString(1));
                }
            }
            try (ResultSet rs = s.executeQuery(sql("catalog-domains.sql"))) {
                while (rs.next()) {
                    model.domain(
                            rs.getString(1),
                            new SchemaModel.Domain(ColumnType.parse(rs.getString(2)), rs.getBoolean(3)));
                }
            }
        }
        return model;
    }

    private static String sql(String name) {
        return SqlResources.load(CatalogFacts.class, name);
    }

    private static RelationKind kind(String relkind) {
        return switch (relkind) {
            case "r" -> RelationKind.TABLE;
            case "p" -> RelationKind.PARTITIONED_TABLE;
            case "v" -> RelationKind.VIEW;
            case "m" -> RelationKind.MATERIALIZED_VIEW;
            default -> RelationKind.OTHER;
        };
    }

    /** The plain columns leading an index, up to the first expression (a null name). */
    private static List<String> leading(Array array) throws SQLException {
        List<String> columns = new ArrayList<>();
        for (Object name : (Object[]) array.getArray()) {
            if (name == null) {
                break;
            }
            columns.add(name.toString());
        }
        return columns;
    }

    /** CHECK ((c IS NOT NULL)) as pg_get_constraintdef prints it: c, or null for any other check. */
    private static String checkedColumn(String definition) {
        if (definition == null) {
            return null;
        }
        List<SqlToken> t = SqlLexer.tokens(definition);
        if (t.size() < 3 || !t.get(0).isWord("CHECK") || !t.get(1).text().equals("(")) {
            return null;
        }
        return SchemaFeed.notNullColumn(t.subList(2, ColumnDefinitions.closing(t, 1)));
    }
}
