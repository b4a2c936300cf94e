package dev.keel.change;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.projection.ProjectionCatalog;
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

/**
 * The tables of one schema as the catalog shows them, before a change starts. Kept as JSON in the change's state so
 * that complete and rollback plan from the shape start saw, not from the shape start left behind.
 */
public record LiveSchema(String schema, Map<String, Table> tables, List<Projection> projections) {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public LiveSchema {
        tables = new LinkedHashMap<>(tables);
        // A snapshot stored before projections were part of it reads as none.
        projections = projections == null ? List.of() : List.copyOf(projections);
    }

    public LiveSchema(String schema, Map<String, Table> tables) {
        this(schema, tables, List.of());
    }

    /**
     * A counter, summary, materialized view or cached column keel keeps in this schema, as keel.projections registers
     * it; {@code definition} is its JSON.
     */
    public record Projection(String name, String kind, String definition) {}

    /** One column; {@code generated} covers identity and generated columns, which a view cannot take writes for. */
    public record Column(String name, String type, boolean notNull, String defaultExpr, boolean generated) {}

    /**
     * An index or constraint over some of a table's columns, or another table's foreign key referencing them.
     *
     * @param kind index, foreign_key, check or referenced_by
     * @param columns every column it depends on (for an index also those in its expressions and predicate)
     * @param constraint for an index, the constraint it backs (p, u or x in {@code constraintType}); else null
     * @param simple an index over plain columns, without expressions or predicate
     * @param keyOptions for an index, what follows each key column's name in its definition: operator class,
     *     collation, order (empty for none)
     * @param definition for a constraint, its definition as PostgreSQL prints it
     * @param otherTable for referenced_by, the table holding the foreign key
     */
    public record Dependent(
            String kind,
            String name,
            List<String> columns,
            boolean unique,
            boolean primary,
            String constraint,
            String constraintType,
            String method,
            boolean simple,
            List<String> keyColumns,
            List<String> keyOptions,
            List<String> include,
            String definition,
            String otherTable) {

        public Dependent {
            columns = columns == null ? List.of() : List.copyOf(columns);
            keyColumns = keyColumns == null ? List.of() : List.copyOf(keyColumns);
            keyOptions = keyOptions == null ? List.of() : List.copyOf(keyOptions);
            include = include == null ? List.of() : List.copyOf(include);
        }

        public boolean on(String column) {
            return columns.contains(column);
        }
    }

    /**
     * @param key primary key columns, else those of a unique index over NOT NULL columns; empty when none
     * @param dependents indexes and constraints over the columns (empty in a snapshot kept before they were read)
     */
    public record Table(
            String name,
            List<Column> columns,
            List<String> key,
            String replicaIdentity,
            List<String> constraints,
            List<String> indexes,
            boolean partitioned,
            List<String> partitions,
            List<Dependent> dependents) {

        public Table {
            partitions = partitions == null ? List.of() : List.copyOf(partitions);
            dependents = dependents == null ? List.of() : List.copyOf(dependents);
        }

        /** What depends on this column, in the catalog's order. */
        public List<Dependent> dependentsOf(String column) {
            return dependents.stream().filter(d -> d.on(column)).toList();
        }

        /** The partitions' names; {@code partitions} holds name:relkind, p for one partitioned in turn. */
        public List<String> partitionNames() {
            return partitions.stream()
                    .map(p -> p.substring(0, p.lastIndexOf(':')))
                    .toList();
        }

        public boolean partitionedTwice() {
            return partitions.stream().anyMatch(p -> p.endsWith(":p"));
        }

        public Column column(String name) {
            return columns.stream()
                    .filter(c -> c.name().equals(name))
                    .findFirst()
                    .orElse(null);
        }
    }

    public static LiveSchema read(Connection c, String schema) throws SQLException {
        Map<String, Table> tables = new LinkedHashMap<>();
        try (PreparedStatement s = c.prepareStatement(SqlResources.load(LiveSchema.class, "schema-tables.sql"))) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    List<Column> columns = new ArrayList<>();
                    String json = rs.getString("columns");
                    if (json != null) {
                        for (Map<?, ?> m : JSON.readValue(json, Map[].class)) {
                            columns.add(new Column(
                                    (String) m.get("name"),
                                    (String) m.get("type"),
                                    Boolean.TRUE.equals(m.get("notNull")),
                                    (String) m.get("default"),
                                    Boolean.TRUE.equals(m.get("generated"))));
                        }
                    }
                    String name = rs.getString("table_name");
                    tables.put(
                            name,
                            new Table(
                                    name,
                                    columns,
                                    strings(rs.getArray("key_columns")),
                                    rs.getString("replica_identity"),
                                    strings(rs.getArray("constraints")),
                                    strings(rs.getArray("indexes")),
                                    "p".equals(rs.getString("kind")),
                                    strings(rs.getArray("partitions")),
                                    List.of(JSON.readValue(rs.getString("dependents"), Dependent[].class))));
                }
            } catch (JsonProcessingException e) {
                throw new SQLException("cannot read the catalog's column list: " + e.getMessage(), e);
            }
        }
        return new LiveSchema(schema, tables);
    }

    private static List<String> strings(Array array) throws SQLException {
        return array == null ? List.of() : Arrays.asList((String[]) array.getArray());
    }

    public Table table(String name) {
        return tables.get(name);
    }

    /** The same schema with the projections registered in {@code stateSchema}'s keel.projections for it. */
    public LiveSchema withProjections(Connection c, String stateSchema) throws SQLException {
        List<Projection> found = new ProjectionCatalog(stateSchema)
                .list(c, null).stream()
                        .filter(e -> e.schema().equals(schema))
                        .map(e -> new Projection(e.name(), e.kind(), e.definition()))
                        .toList();
        return new LiveSchema(schema, tables, found);
    }

    public Projection projection(String name) {
        return projections.stream()
                .filter(p -> p.name().equals(name))
                .findFirst()
                .orElse(null);
    }

    /** The same schema without the columns a started change added beside the old ones. */
    public LiveSchema withoutShadows() {
        Map<String, Table> clean = new LinkedHashMap<>();
        tables.forEach((name, t) -> clean.put(
                name,
                new Table(
                        t.name(),
                        t.columns().stream()
                                .filter(c -> !ShadowNames.isShadow(c.name()))
                                .toList(),
                        t.key(),
                        t.replicaIdentity(),
                        t.constraints(),
                        t.indexes(),
                        t.partitioned(),
                        t.partitions(),
                        t.dependents().stream()
                                .filter(d -> !ShadowNames.isShadow(d.name()))
                                .toList())));
        return new LiveSchema(schema, clean, projections);
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a schema snapshot must serialise", e);
        }
    }

    public static LiveSchema fromJson(String json) {
        try {
            return JSON.readValue(json, LiveSchema.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("keel's stored schema snapshot is unreadable: " + e.getMessage(), e);
        }
    }
}
