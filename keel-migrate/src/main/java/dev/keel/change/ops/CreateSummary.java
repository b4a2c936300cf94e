package dev.keel.change.ops;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import dev.keel.config.Durations;
import dev.keel.projection.ProjectionCatalog;
import dev.keel.projection.SummaryDefinition;
import dev.keel.projection.SummaryQuery;
import dev.keel.projection.SummarySql;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Creates a summary: a table of the query's aggregates per time bucket, refreshed incrementally from the ranges that
 * writes touched (see {@link dev.keel.projection.SummaryRefresh}). Start creates the table, the pending ranges and the
 * triggers in the change's transaction, with every bucket pending, then fills them as a refresh does (in pieces of
 * their own transactions on a large table); complete leaves it; rollback drops it all.
 */
public final class CreateSummary implements Operation {
    public static final String KIND = "create_summary";
    private static final int MAX_NAME = 40;
    private static final Set<String> TIME_TYPES =
            Set.of("timestamp with time zone", "timestamp without time zone", "date", "timestamptz", "timestamp");

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;
    private final String query;
    private final String column;
    private final String refresh;
    private final String late;
    private final String timeZone;

    private CreateSummary(OperationArgs args) {
        this.args = args.allow(Set.of("name", "query", "incremental_by", "refresh", "late", "time_zone"));
        this.at = args.position();
        this.name = args.required("name");
        this.query = args.required("query").strip();
        this.column = args.required("incremental_by");
        this.refresh = args.required("refresh");
        this.late = args.optional("late");
        String zone = args.optional("time_zone");
        this.timeZone = zone == null ? "UTC" : zone;
    }

    public static CreateSummary parse(OperationArgs args) {
        return new CreateSummary(args);
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
        validateName(ctx);
        Duration every = duration(ctx, "refresh", refresh);
        if (every != null && every.toSeconds() < 1) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("refresh"),
                            "refresh " + refresh + " is shorter than a second",
                            "refresh at most every second, e.g. 30s or 5min");
        }
        if (late != null) {
            duration(ctx, "late", late);
        }
        if (query.isEmpty()) {
            return;
        }
        SummaryQuery q;
        try {
            q = SummaryQuery.parse(query, column);
        } catch (SummaryQuery.Refused e) {
            ctx.findings()
                    .error(
                            "change-summary-query",
                            args.position("query"),
                            "the query cannot be refreshed incrementally: " + e.getMessage(),
                            "summarise one table grouped by date_trunc or date_bin of " + column
                                    + ", or use create_materialized_view");
            return;
        }
        if (q.schema() != null && !q.schema().equals(ctx.schema())) {
            ctx.findings()
                    .error(
                            "change-summary-query",
                            args.position("query"),
                            "the query reads " + q.schema() + "." + q.table() + ", outside the change's schema "
                                    + ctx.schema(),
                            "summarise a table of " + ctx.schema() + ", or put the change file in its schema");
            return;
        }
        Shape.TableShape t = ctx.table(q.table(), args.position("query"));
        if (t == null) {
            return;
        }
        Shape.ColumnShape c = ctx.column(t, column, args.position("incremental_by"));
        if (c == null) {
            return;
        }
        if (!TIME_TYPES.contains(c.type().toLowerCase(Locale.ROOT))) {
            ctx.findings()
                    .error(
                            "change-summary-query",
                            args.position("incremental_by"),
                            "incremental_by " + column + " is " + c.type() + ", not a date or time",
                            "bucket a timestamptz, timestamp or date column");
        } else if (!c.notNull()) {
            ctx.findings()
                    .error(
                            "change-summary-query",
                            args.position("incremental_by"),
                            "incremental_by " + column + " may be NULL, and a row without a time has no bucket to"
                                    + " recompute",
                            "make " + column + " NOT NULL first (alter_column with nullable: false)");
        }
        ctx.checkQuery(query, args.position("query"), "the summary's query");
    }

    private Duration duration(ChangeContext ctx, String key, String text) {
        try {
            return Durations.parse(text);
        } catch (IllegalArgumentException e) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position(key),
                            key + " '" + text + "' is not a duration",
                            "write it as 30s, 5min, 1h or 30d");
            return null;
        }
    }

    private void validateName(ChangeContext ctx) {
        ctx.requireFreeName("summary", name, "pending", MAX_NAME, args.position("name"));
    }

    private SummaryDefinition definition(ChangeContext ctx) {
        SummaryQuery q = parsed();
        Shape.TableShape t = ctx.shape().table(q.table());
        String type = t == null || t.column(column) == null
                ? "timestamptz"
                : t.column(column).type();
        Long lateSeconds = late == null ? null : Durations.parse(late).toSeconds();
        return new SummaryDefinition(
                ctx.schema(),
                name,
                q.qualified(ctx.schema()),
                column,
                type,
                Durations.parse(refresh).toSeconds(),
                lateSeconds,
                timeZone);
    }

    private SummaryQuery parsed() {
        try {
            return SummaryQuery.parse(query, column);
        } catch (SummaryQuery.Refused e) {
            throw new IllegalStateException("a validated summary query was refused: " + e.getMessage(), e);
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        SummaryDefinition d = definition(ctx);
        SummaryQuery q = d.parsed();
        String registry = ProjectionCatalog.table(ctx.stateSchema());
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic("create " + registry + " if missing", ProjectionCatalog.createSql(registry)));
        for (String sql : SummarySql.create(d, q)) {
            actions.add(Action.atomic(describe(sql, d), sql));
        }
        actions.add(Action.atomic(
                "register summary " + name + " in " + registry,
                ProjectionCatalog.registerSql(
                        registry,
                        d.schema(),
                        d.name(),
                        ProjectionCatalog.SUMMARY,
                        d.toJson(),
                        ProjectionCatalog.INITIALISING,
                        ctx.version())));
        actions.add(Action.fill(
                "fill every bucket of summary " + name + " from " + q.table(),
                d,
                ProjectionCatalog.filledSql(registry, d.schema(), d.name())));
        return actions;
    }

    private static String describe(String sql, SummaryDefinition d) {
        if (sql.startsWith("CREATE TABLE " + d.table())) {
            return "create summary table " + d.name();
        }
        if (sql.startsWith("CREATE INDEX")) {
            return "index " + d.name() + " by its bucket";
        }
        if (sql.startsWith("CREATE TABLE")) {
            return "create " + d.pendingName() + " for the ranges writes touch";
        }
        if (sql.startsWith("CREATE FUNCTION")) {
            return "create a trigger function that records the ranges written";
        }
        if (sql.startsWith("CREATE TRIGGER")) {
            return sql.substring(0, sql.indexOf(" ON ")).replace("CREATE TRIGGER ", "record ranges with trigger ");
        }
        return "mark every bucket of " + d.name() + " pending";
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return ProjectionDrops.summary(definition(ctx), ProjectionCatalog.table(ctx.stateSchema()));
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
