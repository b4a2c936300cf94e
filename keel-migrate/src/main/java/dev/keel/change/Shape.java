package dev.keel.change;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A schema version as applications see it: tables and columns by the names of that version, each mapped to the
 * physical table and column that holds it. The old version's shape is the live schema; each operation of a change
 * turns the shape into the next one, and the views of {@code <schema>_v<V>} are drawn from the result.
 */
public final class Shape {
    private final String schema;
    private final Map<String, TableShape> tables = new LinkedHashMap<>();
    private final List<Derivation> derivations = new ArrayList<>();
    /** The projections keel keeps in the schema, less those an earlier operation of the change drops. */
    private final Map<String, LiveSchema.Projection> projections = new LinkedHashMap<>();

    public Shape(String schema) {
        this.schema = schema;
    }

    /** How a column of a version maps to storage; {@code viewDefault} is set where the version's default differs. */
    public record ColumnShape(
            String name, String physical, String type, boolean notNull, String viewDefault, boolean generated) {

        public ColumnShape renamed(String to) {
            return new ColumnShape(to, physical, type, notNull, viewDefault, generated);
        }

        public ColumnShape withType(String to) {
            return new ColumnShape(name, physical, to, notNull, viewDefault, generated);
        }
    }

    /**
     * A physical column computed by the dual-write trigger: {@code UP} on writes through the old shape (from the old
     * shape's columns), {@code DOWN} on writes through the new one (from the new shape's columns).
     */
    public record Derivation(String table, String target, String expression, Direction direction, boolean backfill) {}

    public enum Direction {
        UP,
        DOWN
    }

    public static final class TableShape {
        private String name;
        private final String physical;
        private final boolean created;
        private final Map<String, ColumnShape> columns = new LinkedHashMap<>();

        public TableShape(String name, String physical, boolean created) {
            this.name = name;
            this.physical = physical;
            this.created = created;
        }

        public String name() {
            return name;
        }

        public String physical() {
            return physical;
        }

        /** Created by the change being planned: it has no old shape and needs no trigger. */
        public boolean created() {
            return created;
        }

        public Map<String, ColumnShape> columns() {
            return columns;
        }

        public ColumnShape column(String name) {
            return columns.get(name);
        }

        public void put(ColumnShape column) {
            columns.put(column.name(), column);
        }

        /** Replaces a column in place, keeping the order of the others. */
        public void replace(String old, ColumnShape column) {
            Map<String, ColumnShape> copy = new LinkedHashMap<>(columns);
            columns.clear();
            copy.forEach((k, v) -> {
                if (k.equals(old)) {
                    columns.put(column.name(), column);
                } else {
                    columns.put(k, v);
                }
            });
        }

        public void remove(String column) {
            columns.remove(column);
        }

        /** A copy with one column replaced by its namesake: how an expression over the next shape sees the table. */
        public TableShape copyWith(ColumnShape column) {
            TableShape t = copy();
            t.replace(column.name(), column);
            return t;
        }

        TableShape copy() {
            TableShape t = new TableShape(name, physical, created);
            t.columns.putAll(columns);
            return t;
        }
    }

    public static Shape of(LiveSchema live) {
        Shape shape = new Shape(live.schema());
        for (LiveSchema.Table t : live.tables().values()) {
            TableShape table = new TableShape(t.name(), t.name(), false);
            for (LiveSchema.Column c : t.columns()) {
                table.put(new ColumnShape(c.name(), c.name(), c.type(), c.notNull(), null, c.generated()));
            }
            shape.tables.put(t.name(), table);
        }
        live.projections().forEach(p -> shape.projections.put(p.name(), p));
        return shape;
    }

    public Shape copy() {
        Shape s = new Shape(schema);
        tables.forEach((k, v) -> s.tables.put(k, v.copy()));
        s.derivations.addAll(derivations);
        s.projections.putAll(projections);
        return s;
    }

    public String schema() {
        return schema;
    }

    public Map<String, TableShape> tables() {
        return tables;
    }

    public TableShape table(String name) {
        return tables.get(name);
    }

    public void addTable(TableShape table) {
        tables.put(table.name(), table);
    }

    public void removeTable(String name) {
        tables.remove(name);
    }

    public void renameTable(String from, String to) {
        TableShape t = tables.remove(from);
        t.name = to;
        tables.put(to, t);
    }

    public TableShape byPhysical(String physical) {
        return tables.values().stream()
                .filter(t -> t.physical().equals(physical))
                .findFirst()
                .orElse(null);
    }

    public List<LiveSchema.Projection> projections() {
        return List.copyOf(projections.values());
    }

    public LiveSchema.Projection projection(String name) {
        return projections.get(name);
    }

    public void removeProjection(String name) {
        projections.remove(name);
    }

    public void derive(Derivation derivation) {
        derivations.add(derivation);
    }

    public List<Derivation> derivations() {
        return List.copyOf(derivations);
    }
}
