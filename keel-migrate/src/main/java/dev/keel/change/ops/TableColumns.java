package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.ChangeContext;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The columns of a table an operation creates, written as create_table writes them. */
final class TableColumns {

    record Column(
            String name,
            String type,
            boolean nullable,
            String defaultExpr,
            boolean primaryKey,
            boolean unique,
            OperationArgs args) {}

    private final List<Column> columns;
    private final OperationArgs args;

    private TableColumns(List<Column> columns, OperationArgs args) {
        this.columns = columns;
        this.args = args;
    }

    static TableColumns parse(OperationArgs args) {
        List<Column> columns = new ArrayList<>();
        for (OperationArgs c : args.each("columns")) {
            c.allow(Set.of("name", "type", "nullable", "default", "primary_key", "unique"));
            columns.add(new Column(
                    c.required("name"),
                    c.required("type"),
                    c.flag("nullable", true),
                    c.optional("default"),
                    c.flag("primary_key", false),
                    c.flag("unique", false),
                    c));
        }
        return new TableColumns(columns, args);
    }

    List<Column> all() {
        return columns;
    }

    Column column(String name) {
        return columns.stream().filter(c -> c.name().equals(name)).findFirst().orElse(null);
    }

    /** The column's type as written; empty for an unknown column. */
    String type(String name) {
        Column c = column(name);
        return c == null ? "" : c.type();
    }

    List<String> primaryKey() {
        return columns.stream().filter(Column::primaryKey).map(Column::name).toList();
    }

    List<String> names() {
        return columns.stream().map(Column::name).toList();
    }

    void validate(ChangeContext ctx) {
        for (Column c : columns) {
            ctx.checkType(c.type(), c.args().position("type"));
        }
    }

    String definitions() {
        List<String> defs = new ArrayList<>();
        for (Column c : columns) {
            defs.add(quote(c.name()) + " " + c.type() + (c.nullable() && !c.primaryKey() ? "" : " NOT NULL")
                    + (c.defaultExpr() == null ? "" : " DEFAULT " + c.defaultExpr()) + (c.unique() ? " UNIQUE" : ""));
        }
        List<String> key = primaryKey().stream().map(k -> quote(k)).toList();
        if (!key.isEmpty()) {
            defs.add("PRIMARY KEY (" + String.join(", ", key) + ")");
        }
        return String.join(", ", defs);
    }

    void addTo(Shape.TableShape t) {
        for (Column c : columns) {
            t.put(new Shape.ColumnShape(c.name(), c.name(), c.type(), !c.nullable() || c.primaryKey(), null, false));
        }
    }

    OperationArgs args() {
        return args;
    }
}
