package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.YamlNode;
import dev.keel.config.Durations;
import dev.keel.projection.MaterializedViewDefinition;
import dev.keel.projection.ProjectionCatalog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates a materialized view with the unique index REFRESH … CONCURRENTLY needs, refreshed on schedule by the agent.
 * Start creates it empty in the change's transaction (no query runs under the catalog locks), then fills it on its own
 * while nothing reads it yet; rollback drops it.
 */
public final class CreateMaterializedView implements Operation {
    public static final String KIND = "create_materialized_view";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;
    private final String query;
    private final List<String> unique;
    private final String refresh;

    private CreateMaterializedView(OperationArgs args) {
        this.args = args.allow(Set.of("name", "query", "unique", "refresh"));
        this.at = args.position();
        this.name = args.required("name");
        this.query = args.required("query").strip();
        this.unique = args.names("unique");
        this.refresh = args.required("refresh");
    }

    public static CreateMaterializedView parse(OperationArgs args) {
        return new CreateMaterializedView(args);
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
                && (ctx.shape().table(name) != null
                        || ctx.before().tables().values().stream()
                                .anyMatch(t -> t.indexes().contains(name)))) {
            ctx.findings()
                    .error(
                            "change-name-taken",
                            args.position("name"),
                            "the name " + name + " is taken",
                            "pick another");
        }
        try {
            Duration every = Durations.parse(refresh);
            if (every.toSeconds() < 1) {
                ctx.findings()
                        .error(
                                "change-bad-value",
                                args.position("refresh"),
                                "refresh " + refresh + " is shorter than a second",
                                "refresh at most every second, e.g. 5min or 1h");
            }
        } catch (IllegalArgumentException e) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("refresh"),
                            "refresh '" + refresh + "' is not a duration",
                            "write it as 30s, 5min, 1h or 1d");
        }
        if (unique.isEmpty()) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("unique"),
                            "a materialized view needs unique columns: REFRESH … CONCURRENTLY requires a unique index",
                            "name the result columns that identify a row, e.g. unique: [product_id]");
            return;
        }
        if (query.isEmpty()) {
            return;
        }
        ctx.checkQuery(query, args.position("query"), "the view's query");
        String columns = unique.stream().map(c -> "q." + quote(c)).collect(Collectors.joining(", "));
        ctx.checkQuery(
                "SELECT " + columns + " FROM (" + query + ") AS q",
                args.position("unique"),
                "unique: [" + String.join(", ", unique) + "] over the query's result");
    }

    private MaterializedViewDefinition definition(ChangeContext ctx) {
        return new MaterializedViewDefinition(
                ctx.schema(), name, query, unique, Durations.parse(refresh).toSeconds());
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        MaterializedViewDefinition d = definition(ctx);
        String registry = ProjectionCatalog.table(ctx.stateSchema());
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic("create " + registry + " if missing", ProjectionCatalog.createSql(registry)));
        List<String> create = d.create();
        actions.add(Action.atomic("create materialized view " + name + ", empty", create.get(0)));
        actions.add(Action.atomic(
                "create unique index " + d.uniqueIndexName() + " on (" + String.join(", ", unique) + ")",
                create.get(1)));
        actions.add(Action.atomic(
                "register materialized view " + name + " in " + registry,
                ProjectionCatalog.registerSql(
                        registry,
                        d.schema(),
                        d.name(),
                        ProjectionCatalog.MATERIALIZED_VIEW,
                        d.toJson(),
                        ProjectionCatalog.INITIALISING,
                        ctx.version())));
        actions.add(Action.concurrent("fill materialized view " + name + " while nothing reads it yet", d.fill()));
        actions.add(Action.concurrent(
                "mark materialized view " + name + " refreshed",
                ProjectionCatalog.filledSql(registry, d.schema(), name)));
        return actions;
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return ProjectionDrops.materializedView(definition(ctx), ProjectionCatalog.table(ctx.stateSchema()));
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
