package dev.keel.change.ops;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.YamlNode;
import java.util.List;
import java.util.Set;

/** Drops an index at complete, concurrently: the old version may still need it until then. */
public final class DropIndex implements Operation {
    public static final String KIND = "drop_index";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;

    private DropIndex(OperationArgs args) {
        this.args = args.allow(Set.of("name"));
        this.at = args.position();
        this.name = args.required("name");
    }

    public static DropIndex parse(OperationArgs args) {
        return new DropIndex(args);
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
        if (!name.isEmpty()
                && ctx.before().tables().values().stream()
                        .noneMatch(t -> t.indexes().contains(name))) {
            ctx.findings()
                    .error(
                            "change-missing-index",
                            args.position("name"),
                            "index " + name + " does not exist in " + ctx.schema(),
                            "check the name");
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of(Action.concurrent(
                "drop index " + name + " concurrently", "DROP INDEX CONCURRENTLY IF EXISTS " + ctx.qualified(name)));
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
