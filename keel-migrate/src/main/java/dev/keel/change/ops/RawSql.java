package dev.keel.change.ops;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.YamlNode;
import java.util.List;
import java.util.Set;

/**
 * SQL keel cannot see into: {@code up} runs at start, {@code down} at rollback. Versioned views do not know what it
 * did, and keel check flags it so a reviewer looks.
 */
public final class RawSql implements Operation {
    public static final String KIND = "raw_sql";

    private final YamlNode.Position at;
    private final String up;
    private final String down;

    private RawSql(OperationArgs args) {
        args.allow(Set.of("up", "down"));
        this.at = args.position();
        this.up = args.required("up");
        this.down = args.optional("down");
    }

    public static RawSql parse(OperationArgs args) {
        return new RawSql(args);
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
    public boolean opaque() {
        return true;
    }

    @Override
    public void validate(ChangeContext ctx) {}

    @Override
    public List<Action> start(ChangeContext ctx) {
        return List.of(Action.atomic("run raw_sql up", up));
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return down == null ? List.of() : List.of(Action.atomic("run raw_sql down", down));
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
