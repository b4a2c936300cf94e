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

/** Drops a constraint at complete: until then the old version may rely on it. */
public final class DropConstraint implements Operation {
    public static final String KIND = "drop_constraint";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String table;
    private final String name;

    private DropConstraint(OperationArgs args) {
        this.args = args.allow(Set.of("table", "name"));
        this.at = args.position();
        this.table = args.required("table");
        this.name = args.required("name");
    }

    public static DropConstraint parse(OperationArgs args) {
        return new DropConstraint(args);
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
        LiveSchema.Table live = t == null ? null : ctx.before().table(t.physical());
        if (live != null && !name.isEmpty() && !live.constraints().contains(name)) {
            ctx.findings()
                    .error(
                            "change-missing-constraint",
                            args.position("name"),
                            "constraint " + name + " does not exist on " + table,
                            "the table has " + String.join(", ", live.constraints()));
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
                "drop constraint " + name + " of " + table,
                "ALTER TABLE " + ctx.qualified(t.physical()) + " DROP CONSTRAINT IF EXISTS " + quote(name)));
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
