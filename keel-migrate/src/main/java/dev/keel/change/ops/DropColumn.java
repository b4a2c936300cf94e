package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.List;
import java.util.Set;

/**
 * Drops a column. Start only hides it from the new version's view; {@code down} fills it for rows the new version
 * writes (needed when it is NOT NULL without a default). Complete drops it.
 */
public final class DropColumn implements Operation {
    public static final String KIND = "drop_column";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String table;
    private final String column;
    private final String down;

    private DropColumn(OperationArgs args) {
        this.args = args.allow(Set.of("table", "column", "down"));
        this.at = args.position();
        this.table = args.required("table");
        this.column = args.required("column");
        this.down = args.optional("down");
    }

    public static DropColumn parse(OperationArgs args) {
        return new DropColumn(args);
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
        Shape.ColumnShape c = ctx.column(t, column, args.position("column"));
        if (c == null) {
            return;
        }
        ProjectionDependencies.refuseColumn(
                ctx, t.physical(), c.physical(), args.position("column"), "dropping column " + column);
        LiveSchema.Table live = ctx.before().table(t.physical());
        LiveSchema.Column lc = live == null ? null : live.column(c.physical());
        if (down == null && lc != null && lc.notNull() && lc.defaultExpr() == null && !lc.generated()) {
            ctx.findings()
                    .error(
                            "change-down-needed",
                            args.position("column"),
                            column + " is NOT NULL without a default, so rows inserted through the new version,"
                                    + " which no longer shows it, would fail until complete drops it",
                            "give a down expression that computes it from the other columns");
        }
        if (down != null) {
            Shape.TableShape after = t.copyWith(c);
            after.remove(column);
            ctx.checkExpression(after, down, c.type(), args.position("down"), "down");
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        return List.of(Action.atomic(
                "drop column " + column + " of " + table,
                "ALTER TABLE " + ctx.qualified(t.physical()) + " DROP COLUMN "
                        + quote(t.column(column).physical())));
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public void apply(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        Shape.ColumnShape c = t.column(column);
        t.remove(column);
        if (down != null) {
            ctx.shape().derive(new Shape.Derivation(t.physical(), c.physical(), down, Shape.Direction.DOWN, false));
        }
    }
}
