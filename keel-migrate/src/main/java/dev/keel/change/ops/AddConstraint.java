package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Adds a check, unique or foreign key constraint without blocking writes for a scan: check and foreign key are added
 * NOT VALID at start (new rows obey at once) and validated at complete; unique is built as a concurrent unique index
 * at start and attached as the constraint at complete.
 */
public final class AddConstraint implements Operation {
    public static final String KIND = "add_constraint";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String table;
    private final String name;
    private final String type;
    private final String check;
    private final List<String> columns;
    private final String referencedTable;
    private final List<String> referencedColumns;
    private final String onDelete;

    private AddConstraint(OperationArgs args) {
        this.args = args.allow(Set.of("table", "name", "type", "check", "columns", "references", "on_delete"));
        this.at = args.position();
        this.table = args.required("table");
        this.name = args.required("name");
        this.type = args.required("type");
        this.check = "check".equals(type) ? args.required("check") : null;
        this.columns = "check".equals(type) ? List.of() : args.names("columns");
        if ("foreign_key".equals(type)) {
            OperationArgs ref = args.nested("references").allow(Set.of("table", "columns"));
            this.referencedTable = ref.required("table");
            this.referencedColumns = ref.names("columns");
        } else {
            this.referencedTable = null;
            this.referencedColumns = List.of();
        }
        this.onDelete = args.optional("on_delete");
        if (!type.isEmpty() && !Set.of("check", "unique", "foreign_key").contains(type)) {
            args.findings()
                    .error(
                            "change-bad-value",
                            args.position("type"),
                            "add_constraint type '" + type + "' is unknown",
                            "use check, unique or foreign_key");
        }
    }

    public static AddConstraint parse(OperationArgs args) {
        return new AddConstraint(args);
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
        Shape.TableShape t = ctx.table(table, args.position("table"));
        for (String c : columns) {
            ctx.column(t, c, args.position("columns"));
        }
        if (check != null) {
            ctx.checkExpression(t, check, "boolean", args.position("check"), "check");
        }
        if (referencedTable != null && !referencedTable.isEmpty()) {
            Shape.TableShape r = ctx.table(referencedTable, args.position("references"));
            for (String c : referencedColumns) {
                ctx.column(r, c, args.position("references"));
            }
        }
        boolean taken = ctx.before().tables().values().stream()
                .anyMatch(x -> x.constraints().contains(name) || x.indexes().contains(name));
        if (taken) {
            ctx.findings()
                    .error(
                            "change-name-taken",
                            args.position("name"),
                            "the name " + name + " is taken",
                            "pick another");
        }
    }

    private String physicalColumns(Shape.TableShape t, List<String> names) {
        return names.stream().map(c -> quote(t.column(c).physical())).collect(Collectors.joining(", "));
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        String target = ctx.qualified(t.physical());
        return switch (type) {
            case "unique" ->
                List.of(Action.buildIndex(
                        "build the unique index behind " + name + " concurrently",
                        "CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS " + quote(name) + " ON " + target + " ("
                                + physicalColumns(t, columns) + ")",
                        ctx.schema(),
                        name));
            case "foreign_key" -> {
                Shape.TableShape r = ctx.shape().table(referencedTable);
                yield List.of(Action.atomic(
                        "add foreign key " + name + " NOT VALID (new rows are checked at once)",
                        "ALTER TABLE " + target + " ADD CONSTRAINT " + quote(name) + " FOREIGN KEY ("
                                + physicalColumns(t, columns) + ") REFERENCES " + ctx.qualified(r.physical()) + " ("
                                + physicalColumns(r, referencedColumns) + ")"
                                + (onDelete == null ? "" : " ON DELETE " + onDelete) + " NOT VALID"));
            }
            default ->
                List.of(Action.atomic(
                        "add check " + name + " NOT VALID (new rows are checked at once)",
                        "ALTER TABLE " + target + " ADD CONSTRAINT " + quote(name) + " CHECK (" + check
                                + ") NOT VALID"));
        };
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        String target = ctx.qualified(t.physical());
        if ("unique".equals(type)) {
            return List.of(Action.atomic(
                    "turn the unique index " + name + " into a constraint",
                    "ALTER TABLE " + target + " ADD CONSTRAINT " + quote(name) + " UNIQUE USING INDEX " + quote(name)));
        }
        return List.of(Action.validate(
                "validate " + name + " over the existing rows (no write is blocked)",
                "ALTER TABLE " + target + " VALIDATE CONSTRAINT " + quote(name)));
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        if ("unique".equals(type)) {
            return List.of(Action.concurrent(
                    "drop the unique index " + name, "DROP INDEX CONCURRENTLY IF EXISTS " + ctx.qualified(name)));
        }
        return List.of(Action.atomic(
                "drop constraint " + name,
                "ALTER TABLE " + ctx.qualified(t.physical()) + " DROP CONSTRAINT IF EXISTS " + quote(name)));
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
