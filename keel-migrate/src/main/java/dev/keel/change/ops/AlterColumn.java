package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.ShadowNames;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Changes a column's type, nullability or default. A type or nullability change duplicates the column: start adds
 * the new one beside it, a trigger keeps both written ({@code up} from the old, {@code down} from the new) and a
 * backfill converts existing rows; complete drops the old column and renames the new one. A default alone needs no
 * copy: the new version's view carries it until complete sets it on the table.
 */
public final class AlterColumn implements Operation {
    public static final String KIND = "alter_column";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String table;
    private final String column;
    private final String type;
    private final String up;
    private final String down;
    private final Boolean nullable;
    private final boolean defaultGiven;
    private final String defaultExpr;

    private AlterColumn(OperationArgs args) {
        this.args = args.allow(Set.of("table", "column", "type", "up", "down", "nullable", "default"));
        this.at = args.position();
        this.table = args.required("table");
        this.column = args.required("column");
        this.type = args.optional("type");
        this.up = args.optional("up");
        this.down = args.optional("down");
        this.nullable = args.optional("nullable") == null ? null : args.flag("nullable", true);
        this.defaultGiven = args.node("default") != null;
        this.defaultExpr = args.optional("default");
    }

    public static AlterColumn parse(OperationArgs args) {
        return new AlterColumn(args);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public YamlNode.Position at() {
        return at;
    }

    /** A type or nullability change needs a second physical column; a default does not. */
    private boolean duplicates(Shape.ColumnShape c) {
        return type != null || nullable != null && nullable == c.notNull();
    }

    private String newType(Shape.ColumnShape c) {
        return type != null ? type : c.type();
    }

    private boolean newNotNull(Shape.ColumnShape c) {
        return nullable != null ? !nullable : c.notNull();
    }

    private String upExpression(Shape.ColumnShape c) {
        return up != null ? up : quote(column) + "::" + newType(c);
    }

    private String downExpression(Shape.ColumnShape c) {
        return down != null ? down : quote(column) + "::" + c.type();
    }

    @Override
    public void validate(ChangeContext ctx) {
        Shape.TableShape t = ctx.table(table, args.position("table"));
        Shape.ColumnShape c = ctx.column(t, column, args.position("column"));
        if (c == null) {
            return;
        }
        if (type == null && nullable == null && !defaultGiven) {
            ctx.findings()
                    .error(
                            "change-nothing-to-do",
                            at,
                            "alter_column of " + column + " changes nothing",
                            "give type, nullable or default");
            return;
        }
        if (type != null) {
            ctx.checkType(type, args.position("type"));
        }
        if (duplicates(c)) {
            ctx.checkExpression(t, upExpression(c), newType(c), args.position(up != null ? "up" : "column"), "up");
            Shape.TableShape after = t.copyWith(
                    new Shape.ColumnShape(column, ShadowNames.newColumn(column), newType(c), false, null, false));
            ctx.checkExpression(
                    after, downExpression(c), c.type(), args.position(down != null ? "down" : "column"), "down");
            ctx.requireKey(t, at, "alter_column");
            if (Boolean.FALSE.equals(nullable) && !c.notNull() && up == null) {
                ctx.requireNoNulls(
                        t,
                        c,
                        args.position("nullable"),
                        "add up: an expression that gives those rows a value, e.g. up: \"coalesce(" + column
                                + ", <value>)\"");
            }
            if (Boolean.TRUE.equals(nullable) && down == null) {
                ctx.findings()
                        .error(
                                "change-down-needed",
                                args.position("nullable"),
                                "the new version may write NULL into " + column
                                        + ", but the old column stays NOT NULL until complete",
                                "give a down expression that turns NULL into a value the old version accepts");
            }
            CarriedDependents carried = carried(ctx, t, c);
            for (CarriedDependents.Problem p : carried.problems(type != null)) {
                ctx.findings().error("change-column-dependents", args.position("column"), p.message(), p.fix());
            }
            for (String check : carried.checkExpressions()) {
                ctx.checkExpression(after, check, "boolean", args.position("column"), "a check on " + column);
            }
            if (c.generated()) {
                ctx.findings()
                        .error(
                                "change-generated-column",
                                args.position("column"),
                                column + " is an identity or generated column, which alter_column cannot copy",
                                "change it with raw_sql");
            }
        }
        if (defaultExpr != null) {
            ctx.checkExpression(t, defaultExpr, newType(c), args.position("default"), "default");
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        Shape.ColumnShape c = t.column(column);
        if (!duplicates(c)) {
            return List.of();
        }
        String target = ctx.qualified(t.physical());
        String physical = ShadowNames.newColumn(column);
        String def = defaultGiven ? defaultExpr : oldDefault(ctx, t, c);
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic(
                "add " + physical + " " + newType(c) + " beside " + column,
                "ALTER TABLE " + target + " ADD COLUMN " + quote(physical) + " " + newType(c)
                        + (def == null ? "" : " DEFAULT " + def)));
        if (newNotNull(c)) {
            actions.add(Action.atomic(
                    "check " + column + " IS NOT NULL for new rows (NOT VALID)",
                    "ALTER TABLE " + target + " ADD CONSTRAINT " + quote(ShadowNames.notNullCheck(column)) + " CHECK ("
                            + quote(physical) + " IS NOT NULL) NOT VALID"));
        }
        actions.addAll(carried(ctx, t, c).start(target, ctx.schema()));
        return actions;
    }

    /** What stands on the old column and must stand on the new one after complete. */
    private static CarriedDependents carried(ChangeContext ctx, Shape.TableShape t, Shape.ColumnShape c) {
        return CarriedDependents.of(
                t.created() ? null : ctx.before().table(t.physical()), c.physical(), ShadowNames.newColumn(c.name()));
    }

    private static String oldDefault(ChangeContext ctx, Shape.TableShape t, Shape.ColumnShape c) {
        LiveSchema.Table live = ctx.before().table(t.physical());
        LiveSchema.Column lc = live == null ? null : live.column(c.physical());
        return lc == null ? null : lc.defaultExpr();
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        Shape.ColumnShape c = t.column(column);
        String target = ctx.qualified(t.physical());
        List<Action> actions = new ArrayList<>();
        if (!duplicates(c)) {
            actions.add(Action.atomic(
                    (defaultExpr == null ? "drop the default of " : "set the default of ") + column,
                    "ALTER TABLE " + target + " ALTER COLUMN " + quote(c.physical())
                            + (defaultExpr == null ? " DROP DEFAULT" : " SET DEFAULT " + defaultExpr)));
            return actions;
        }
        String physical = ShadowNames.newColumn(column);
        if (newNotNull(c)) {
            actions.add(Action.validate(
                    "validate that no row of " + table + " holds NULL in " + column,
                    "ALTER TABLE " + target + " VALIDATE CONSTRAINT " + quote(ShadowNames.notNullCheck(column))));
        }
        CarriedDependents carried = carried(ctx, t, c);
        actions.addAll(carried.validate(target));
        actions.add(Action.atomic(
                "drop the old column " + c.physical(),
                "ALTER TABLE " + target + " DROP COLUMN " + quote(c.physical())));
        actions.add(Action.atomic(
                "rename " + physical + " to " + column,
                "ALTER TABLE " + target + " RENAME COLUMN " + quote(physical) + " TO " + quote(column)));
        actions.addAll(carried.rename(target, ctx.schema()));
        if (newNotNull(c)) {
            actions.add(Action.atomic(
                    "set " + column + " NOT NULL (the validated check spares the scan)",
                    "ALTER TABLE " + target + " ALTER COLUMN " + quote(column) + " SET NOT NULL"));
            actions.add(Action.atomic(
                    "drop the check that stood for NOT NULL",
                    "ALTER TABLE " + target + " DROP CONSTRAINT " + quote(ShadowNames.notNullCheck(column))));
        }
        return actions;
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        Shape.ColumnShape c = t.column(column);
        if (!duplicates(c)) {
            return List.of();
        }
        return List.of(Action.atomic(
                "drop the new column " + ShadowNames.newColumn(column),
                "ALTER TABLE " + ctx.qualified(t.physical()) + " DROP COLUMN IF EXISTS "
                        + quote(ShadowNames.newColumn(column))));
    }

    @Override
    public void apply(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        Shape.ColumnShape c = t.column(column);
        if (!duplicates(c)) {
            t.replace(
                    column,
                    new Shape.ColumnShape(
                            column,
                            c.physical(),
                            c.type(),
                            c.notNull(),
                            defaultExpr == null ? "NULL" : defaultExpr,
                            false));
            return;
        }
        String physical = ShadowNames.newColumn(column);
        String oldPhysical = c.physical();
        String up = upExpression(c);
        String down = downExpression(c);
        t.replace(column, new Shape.ColumnShape(column, physical, newType(c), newNotNull(c), null, false));
        ctx.shape().derive(new Shape.Derivation(t.physical(), physical, up, Shape.Direction.UP, true));
        ctx.shape().derive(new Shape.Derivation(t.physical(), oldPhysical, down, Shape.Direction.DOWN, false));
    }
}
