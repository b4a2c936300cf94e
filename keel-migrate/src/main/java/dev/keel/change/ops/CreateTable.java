package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates a table at start: nothing reads it yet, so it is created whole. Only the new version's schema shows it;
 * rollback drops it.
 */
public final class CreateTable implements Operation {
    public static final String KIND = "create_table";

    private record Column(
            String name,
            String type,
            boolean nullable,
            String defaultExpr,
            boolean primaryKey,
            boolean unique,
            OperationArgs args) {}

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;
    private final List<Column> columns = new ArrayList<>();

    private CreateTable(OperationArgs args) {
        this.args = args.allow(Set.of("name", "columns"));
        this.at = args.position();
        this.name = args.required("name");
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
    }

    public static CreateTable parse(OperationArgs args) {
        return new CreateTable(args);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public YamlNode.Position at() {
        return at;
    }

    @Override
    public void validate(ChangeContext ctx) {
        if (!name.isEmpty() && ctx.shape().table(name) != null) {
            ctx.findings()
                    .error(
                            "change-table-exists",
                            args.position("name"),
                            "table " + name + " already exists",
                            "pick another name");
        }
        for (Column c : columns) {
            ctx.checkType(c.type(), c.args().position("type"));
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        List<String> defs = new ArrayList<>();
        List<String> key = new ArrayList<>();
        for (Column c : columns) {
            defs.add(quote(c.name()) + " " + c.type() + (c.nullable() && !c.primaryKey() ? "" : " NOT NULL")
                    + (c.defaultExpr() == null ? "" : " DEFAULT " + c.defaultExpr()) + (c.unique() ? " UNIQUE" : ""));
            if (c.primaryKey()) {
                key.add(quote(c.name()));
            }
        }
        if (!key.isEmpty()) {
            defs.add("PRIMARY KEY (" + String.join(", ", key) + ")");
        }
        return List.of(Action.atomic(
                "create table " + name, "CREATE TABLE " + ctx.qualified(name) + " (" + String.join(", ", defs) + ")"));
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of(Action.atomic("drop the created table " + name, "DROP TABLE IF EXISTS " + ctx.qualified(name)));
    }

    @Override
    public void apply(ChangeContext ctx) {
        Shape.TableShape t = new Shape.TableShape(name, name, true);
        for (Column c : columns) {
            t.put(new Shape.ColumnShape(c.name(), c.name(), c.type(), !c.nullable() || c.primaryKey(), null, false));
        }
        ctx.shape().addTable(t);
    }
}
