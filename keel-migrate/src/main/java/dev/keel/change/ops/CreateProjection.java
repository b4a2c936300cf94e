package dev.keel.change.ops;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import dev.keel.projection.CachedColumnDefinition;
import dev.keel.projection.CachedColumnSql;
import dev.keel.projection.ProjectionCatalog;
import dev.keel.sql.Identifiers;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Copies a column of a referenced table beside the key that references it (orders.customer_email from users.email by
 * orders.user_id), kept right by triggers on both tables and filled for existing rows by a backfill in batches. Start
 * adds the column (NULL, a catalog change) and the triggers, then backfills; complete leaves it; rollback drops the
 * triggers and the column.
 */
public final class CreateProjection implements Operation {
    public static final String KIND = "create_projection";
    /** PostgreSQL's limit on a name; a longer one is cut short without an error. */
    private static final int MAX_NAME_BYTES = 63;

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final OperationArgs from;
    private final String table;
    private final String column;
    private final String fromTable;
    private final String fromColumn;
    private final String key;

    private CreateProjection(OperationArgs args) {
        this.args = args.allow(Set.of("table", "column", "from"));
        this.at = args.position();
        this.table = args.required("table");
        this.column = args.required("column");
        this.from = args.nested("from").allow(Set.of("table", "column", "key"));
        this.fromTable = from.required("table");
        this.fromColumn = from.required("column");
        this.key = from.required("key");
    }

    public static CreateProjection parse(OperationArgs args) {
        return new CreateProjection(args);
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
        Shape.TableShape source = ctx.table(fromTable, from.position("table"));
        if (t == null || source == null) {
            return;
        }
        for (Shape.TableShape s : List.of(t, source)) {
            if (s.created() || !s.physical().equals(s.name())) {
                ctx.findings()
                        .error(
                                "change-projection-table-changing",
                                s == t ? args.position("table") : from.position("table"),
                                "table " + Identifiers.display(s.name()) + " is created or renamed by an earlier"
                                        + " operation of this file, and the projection's triggers name it as it is",
                                "create the projection in a change file of its own, after this one");
                return;
            }
        }
        ctx.requireAbsentColumn(t, column, args.position("column"));
        String longest = new CachedColumnDefinition(
                        ctx.schema(), table, column, null, key, fromTable, fromColumn, null, null)
                .trigger(CachedColumnSql.SPREAD_UPDATE);
        if (longest.getBytes(StandardCharsets.UTF_8).length > MAX_NAME_BYTES) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("column"),
                            "the projection's trigger names (" + longest + ") would pass PostgreSQL's " + MAX_NAME_BYTES
                                    + " bytes, and cut short they would clash",
                            "pick a shorter column name");
        }
        ctx.column(source, fromColumn, from.position("column"));
        ctx.column(t, key, from.position("key"));
        ctx.requireKey(t, args.position("table"), "a projection");
        LiveSchema.Table live = ctx.before().table(source.physical());
        if (live != null && live.key().size() != 1) {
            ctx.findings()
                    .error(
                            "change-projection-key",
                            from.position("table"),
                            Identifiers.display(fromTable) + " has no single-column primary key (or unique NOT NULL"
                                    + " key) for " + key + " to match",
                            "copy from a table with a one-column key, or keep the value with raw_sql triggers");
        }
    }

    private CachedColumnDefinition definition(ChangeContext ctx) {
        Shape.TableShape source = ctx.shape().table(fromTable);
        String type = source == null || source.column(fromColumn) == null
                ? "text"
                : source.column(fromColumn).type();
        LiveSchema.Table liveSource = ctx.before().table(fromTable);
        LiveSchema.Table liveTable = ctx.before().table(table);
        String fromKey = liveSource == null || liveSource.key().isEmpty()
                ? "id"
                : liveSource.key().get(0);
        String keyOf = liveTable == null || liveTable.key().isEmpty()
                ? "id"
                : liveTable.key().get(0);
        return new CachedColumnDefinition(
                ctx.schema(), table, column, type, key, fromTable, fromColumn, fromKey, keyOf);
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        CachedColumnDefinition d = definition(ctx);
        String registry = ProjectionCatalog.table(ctx.stateSchema());
        List<String> create = CachedColumnSql.create(d);
        String[] what = {
            "add column " + column + " to " + table + " (NULL until filled)",
            "create the function that copies " + fromTable + "." + fromColumn + " into each written row of " + table,
            "copy on every insert and update of " + table,
            "create the function that rewrites the copies when " + fromTable + " changes",
            "rewrite the copies on inserts and deletes of " + fromTable,
            "rewrite the copies when an update changes " + fromTable + "." + fromColumn + " or its key"
        };
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic("create " + registry + " if missing", ProjectionCatalog.createSql(registry)));
        for (int i = 0; i < create.size(); i++) {
            actions.add(Action.atomic(what[i], create.get(i)));
        }
        actions.add(Action.atomic(
                "register projection " + d.name() + " in " + registry,
                ProjectionCatalog.registerSql(
                        registry,
                        d.schema(),
                        d.name(),
                        ProjectionCatalog.PROJECTION,
                        d.toJson(),
                        ProjectionCatalog.READY,
                        ctx.version())));
        LiveSchema.Table live = ctx.before().table(table);
        List<String> keyTypes =
                live.key().stream().map(k -> live.column(k).type()).toList();
        // Each batch writes the copy it reads; the copy trigger then recomputes it under FOR SHARE, so a value
        // changed meanwhile wins over the batch's snapshot.
        actions.add(Action.backfill(new Action.Backfill(
                ctx.schema(),
                table,
                live.key(),
                keyTypes,
                List.of(new Action.Fill(column, d.truth(Identifiers.quote(table)))),
                null,
                true)));
        return actions;
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return ProjectionDrops.cachedColumn(definition(ctx), ProjectionCatalog.table(ctx.stateSchema()));
    }

    @Override
    public void apply(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        Shape.TableShape source = ctx.shape().table(fromTable);
        if (t != null && source != null && source.column(fromColumn) != null) {
            t.put(new Shape.ColumnShape(
                    column, column, source.column(fromColumn).type(), false, null, false));
        }
    }
}
