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

/**
 * Renames a column. Start changes nothing physical: the new version's view shows the column under its new name.
 * Complete renames the column itself, a catalog-only change.
 */
public final class RenameColumn implements Operation {
    public static final String KIND = "rename_column";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String table;
    private final String from;
    private final String to;

    private RenameColumn(OperationArgs args) {
        this.args = args.allow(Set.of("table", "from", "to"));
        this.at = args.position();
        this.table = args.required("table");
        this.from = args.required("from");
        this.to = args.required("to");
    }

    public static RenameColumn parse(OperationArgs args) {
        return new RenameColumn(args);
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
        Shape.ColumnShape c = ctx.column(t, from, args.position("from"));
        if (c != null) {
            ProjectionDependencies.refuseColumn(
                    ctx, t.physical(), c.physical(), args.position("from"), "renaming column " + from);
        }
        ctx.requireAbsentColumn(t, to, args.position("to"));
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        Shape.ColumnShape c = t.column(from);
        return List.of(Action.atomic(
                "rename column " + from + " of " + table + " to " + to,
                "ALTER TABLE " + ctx.qualified(t.physical()) + " RENAME COLUMN " + quote(c.physical()) + " TO "
                        + quote(to)));
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public void apply(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        t.replace(from, t.column(from).renamed(to));
    }
}
