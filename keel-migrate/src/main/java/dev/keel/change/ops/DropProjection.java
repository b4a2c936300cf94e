package dev.keel.change.ops;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import dev.keel.projection.CachedColumnDefinition;
import dev.keel.projection.CounterDefinition;
import dev.keel.projection.ProjectionCatalog;
import dev.keel.projection.SummaryDefinition;
import java.util.List;
import java.util.Set;

/**
 * Drops a counter, summary, materialized view or cached column keel keeps, by the name {@code keel projections list}
 * shows, with its triggers, tables and registration. At complete, as drop_table does: the old version may read it
 * until then. Its tables and a cached column leave the new version's shape at once, as a dropped table or column does.
 */
public final class DropProjection implements Operation {
    public static final String KIND = "drop_projection";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;

    private DropProjection(OperationArgs args) {
        this.args = args.allow(Set.of("name"));
        this.at = args.position();
        this.name = args.required("name");
    }

    public static DropProjection parse(OperationArgs args) {
        return new DropProjection(args);
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
        if (!name.isEmpty() && ctx.shape().projection(name) == null) {
            boolean dropped = ctx.before().projection(name) != null;
            ctx.findings()
                    .error(
                            "change-missing-projection",
                            args.position("name"),
                            dropped
                                    ? "projection " + name + " is dropped by an earlier operation of this file"
                                    : "no counter, summary, materialized view or cached column named " + name
                                            + " is registered in schema " + ctx.schema(),
                            dropped
                                    ? "drop it once"
                                    : "keel projections list names them (a cached column as table.column)");
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return ProjectionDrops.of(ctx.before().projection(name), ProjectionCatalog.table(ctx.stateSchema()));
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public void apply(ChangeContext ctx) {
        LiveSchema.Projection p = ctx.shape().projection(name);
        if (p == null) {
            return;
        }
        ctx.shape().removeProjection(name);
        switch (p.kind()) {
            case ProjectionCatalog.COUNTER ->
                ctx.shape()
                        .removeTable(CounterDefinition.fromJson(p.definition()).stripesName());
            case ProjectionCatalog.SUMMARY -> {
                SummaryDefinition d = SummaryDefinition.fromJson(p.definition());
                ctx.shape().removeTable(d.name());
                ctx.shape().removeTable(d.pendingName());
            }
            case ProjectionCatalog.PROJECTION -> {
                CachedColumnDefinition d = CachedColumnDefinition.fromJson(p.definition());
                Shape.TableShape t = ctx.shape().byPhysical(d.table());
                if (t != null) {
                    t.columns().values().stream()
                            .filter(c -> c.physical().equals(d.column()))
                            .findFirst()
                            .ifPresent(c -> t.remove(c.name()));
                }
            }
            default -> {}
        }
    }
}
