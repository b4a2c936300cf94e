package dev.keel.change.ops;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.List;
import java.util.Set;

/** Drops a table at complete; until then the new version's schema no longer shows it and the old one still does. */
public final class DropTable implements Operation {
    public static final String KIND = "drop_table";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;

    private DropTable(OperationArgs args) {
        this.args = args.allow(Set.of("name"));
        this.at = args.position();
        this.name = args.required("name");
    }

    public static DropTable parse(OperationArgs args) {
        return new DropTable(args);
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
        Shape.TableShape t = ctx.table(name, args.position("name"));
        if (t != null) {
            ProjectionDependencies.refuseTable(ctx, t.physical(), args.position("name"), "dropping table " + name);
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(name);
        return List.of(Action.atomic("drop table " + name, "DROP TABLE " + ctx.qualified(t.physical())));
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public void apply(ChangeContext ctx) {
        ctx.shape().removeTable(name);
    }
}
