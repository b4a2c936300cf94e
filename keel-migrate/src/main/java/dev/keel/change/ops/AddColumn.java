package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.ShadowNames;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Adds a column. Start adds it under a shadow name (so the old shape does not show it), with its default (a
 * catalog-only change since PostgreSQL 11) and NOT NULL as a NOT VALID check; {@code up} fills existing rows and rows
 * written through the old shape. Complete validates the check, renames the column and sets NOT NULL without a scan.
 */
public final class AddColumn implements Operation {
    public static final String KIND = "add_column";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final OperationArgs column;
    private final String table;
    private final String name;
    private final String type;
    private final String defaultExpr;
    private final boolean nullable;
    private final String up;

    private AddColumn(OperationArgs args) {
        this.args = args.allow(Set.of("table", "column", "up"));
        this.at = args.position();
        this.table = args.required("table");
        this.column = args.nested("column").allow(Set.of("name", "type", "default", "nullable"));
        this.name = column.required("name");
        this.type = column.required("type");
        this.defaultExpr = column.optional("default");
        this.nullable = column.flag("nullable", true);
        this.up = args.optional("up");
    }

    public static AddColumn parse(OperationArgs args) {
        return new AddColumn(args);
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
        ctx.requireAbsentColumn(t, name, column.position("name"));
        ctx.checkType(type, column.position("type"));
        if (t != null && defaultExpr != null) {
            ctx.checkExpression(t, defaultExpr, type, column.position("default"), "default");
        }
        if (up != null) {
            ctx.checkExpression(t, up, type, args.position("up"), "up");
            ctx.requireKey(t, args.position("up"), "add_column's up");
        }
        if (t != null && !t.created() && !nullable && defaultExpr == null && up == null) {
            ctx.findings()
                    .error(
                            "change-not-null-needs-value",
                            column.position("nullable"),
                            "column " + name + " is NOT NULL without a default or an up expression, so the rows "
                                    + table + " already holds, and rows the old version inserts, would break it",
                            "give it a default, or an up expression that computes it from the other columns");
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        String physical = ShadowNames.newColumn(name);
        String target = ctx.qualified(t.physical());
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic(
                "add column " + name + " to " + table + " as " + physical,
                "ALTER TABLE " + target + " ADD COLUMN " + quote(physical) + " " + type
                        + (defaultExpr == null ? "" : " DEFAULT " + defaultExpr)));
        if (!nullable) {
            actions.add(Action.atomic(
                    "check " + name + " IS NOT NULL for new rows (NOT VALID)",
                    "ALTER TABLE " + target + " ADD CONSTRAINT " + quote(ShadowNames.notNullCheck(name)) + " CHECK ("
                            + quote(physical) + " IS NOT NULL) NOT VALID"));
        }
        return actions;
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        String target = ctx.qualified(t.physical());
        List<Action> actions = new ArrayList<>();
        if (!nullable) {
            actions.add(Action.validate(
                    "validate that no row of " + table + " holds NULL in " + name,
                    "ALTER TABLE " + target + " VALIDATE CONSTRAINT " + quote(ShadowNames.notNullCheck(name))));
        }
        actions.add(Action.atomic(
                "rename " + ShadowNames.newColumn(name) + " to " + name,
                "ALTER TABLE " + target + " RENAME COLUMN " + quote(ShadowNames.newColumn(name)) + " TO "
                        + quote(name)));
        if (!nullable) {
            actions.add(Action.atomic(
                    "set " + name + " NOT NULL (the validated check spares the scan)",
                    "ALTER TABLE " + target + " ALTER COLUMN " + quote(name) + " SET NOT NULL"));
            actions.add(Action.atomic(
                    "drop the check that stood for NOT NULL",
                    "ALTER TABLE " + target + " DROP CONSTRAINT " + quote(ShadowNames.notNullCheck(name))));
        }
        return actions;
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        return List.of(Action.atomic(
                "drop the added column " + ShadowNames.newColumn(name),
                "ALTER TABLE " + ctx.qualified(t.physical()) + " DROP COLUMN IF EXISTS "
                        + quote(ShadowNames.newColumn(name))));
    }

    @Override
    public void apply(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        String physical = ShadowNames.newColumn(name);
        t.put(new Shape.ColumnShape(name, physical, type, !nullable, null, false));
        if (up != null) {
            ctx.shape().derive(new Shape.Derivation(t.physical(), physical, up, Shape.Direction.UP, true));
        }
    }
}
