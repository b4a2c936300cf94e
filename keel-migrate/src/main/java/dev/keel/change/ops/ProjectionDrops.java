package dev.keel.change.ops;

import dev.keel.change.Action;
import dev.keel.change.LiveSchema;
import dev.keel.projection.CachedColumnDefinition;
import dev.keel.projection.CachedColumnSql;
import dev.keel.projection.CounterDefinition;
import dev.keel.projection.CounterSql;
import dev.keel.projection.MaterializedViewDefinition;
import dev.keel.projection.ProjectionCatalog;
import dev.keel.projection.SummaryDefinition;
import dev.keel.projection.SummarySql;
import java.util.ArrayList;
import java.util.List;

/**
 * What removes a projection and its registration: the rollback of the operation that created it, and drop_projection.
 * Triggers go first, so no write runs a half-dropped projection's function.
 */
final class ProjectionDrops {
    private ProjectionDrops() {}

    /** The actions for a registered projection of any kind. */
    static List<Action> of(LiveSchema.Projection p, String registry) {
        return switch (p.kind()) {
            case ProjectionCatalog.COUNTER -> counter(CounterDefinition.fromJson(p.definition()), registry);
            case ProjectionCatalog.SUMMARY -> summary(SummaryDefinition.fromJson(p.definition()), registry);
            case ProjectionCatalog.MATERIALIZED_VIEW ->
                materializedView(MaterializedViewDefinition.fromJson(p.definition()), registry);
            case ProjectionCatalog.PROJECTION ->
                cachedColumn(CachedColumnDefinition.fromJson(p.definition()), registry);
            default -> throw new IllegalStateException("keel.projections holds an unknown kind: " + p.kind());
        };
    }

    static List<Action> counter(CounterDefinition counter, String registry) {
        List<String> drop = new CounterSql(counter).drop(registry);
        String[] what = {
            "drop view " + counter.name(),
            "drop the triggers of counter " + counter.name() + " on " + counter.table(),
            "drop " + counter.stripesName(),
            "unregister counter " + counter.name()
        };
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < drop.size(); i++) {
            actions.add(Action.atomic(what[i], drop.get(i)));
        }
        return actions;
    }

    static List<Action> summary(SummaryDefinition d, String registry) {
        List<Action> actions = new ArrayList<>();
        for (String sql : SummarySql.drop(d)) {
            actions.add(Action.atomic("drop " + sql.substring(sql.indexOf("EXISTS ") + 7), sql));
        }
        actions.add(unregister("summary", d.schema(), d.name(), registry));
        return actions;
    }

    static List<Action> materializedView(MaterializedViewDefinition d, String registry) {
        return List.of(
                Action.atomic("drop materialized view " + d.name(), d.drop()),
                unregister("materialized view", d.schema(), d.name(), registry));
    }

    static List<Action> cachedColumn(CachedColumnDefinition d, String registry) {
        List<String> drop = CachedColumnSql.drop(d);
        return List.of(
                Action.atomic("drop the trigger on " + d.fromTable(), drop.get(0)),
                Action.atomic("drop the trigger on " + d.table(), drop.get(1)),
                Action.atomic("drop column " + d.column() + " of " + d.table(), drop.get(2)),
                unregister("projection", d.schema(), d.name(), registry));
    }

    private static Action unregister(String what, String schema, String name, String registry) {
        return Action.atomic(
                "unregister " + what + " " + name,
                ProjectionCatalog.createSql(registry) + "; " + ProjectionCatalog.unregisterSql(registry, schema, name));
    }
}
