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
 * Renames a table. Start only names the new version's view after it; complete renames the table, after every other
 * operation's complete step (they name the table as it is stored).
 */
public final class RenameTable implements Operation {
    public static final String KIND = "rename_table";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String from;
    private final String to;

    private RenameTable(OperationArgs args) {
        this.args = args.allow(Set.of("from", "to"));
        this.at = args.position();
        this.from = args.required("from");
        this.to = args.required("to");
    }

    public static RenameTable parse(OperationArgs args) {
        return new RenameTable(args);
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
        Shape.TableShape t = ctx.table(from, args.position("from"));
        if (t != null) {
            ProjectionDependencies.refuseTable(ctx, t.physical(), args.position("from"), "renaming table " + from);
        }
        if (!to.isEmpty() && ctx.shape().table(to) != null) {
            ctx.findings()
                    .error(
                            "change-table-exists",
                            args.position("to"),
                            "table " + to + " already exists",
                            "pick another name");
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(from);
        return List.of(Action.atomic(
                "rename table " + from + " to " + to,
                "ALTER TABLE " + ctx.qualified(t.physical()) + " RENAME TO " + quote(to)));
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public void apply(ChangeContext ctx) {
        ctx.shape().renameTable(from, to);
    }

    /** Runs after the others at complete: they address the table by its stored name. */
    public static boolean runsLast(Action action) {
        return action.description().startsWith("rename table ");
    }
}
