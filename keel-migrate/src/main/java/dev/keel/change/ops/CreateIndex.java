package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates an index, always CONCURRENTLY at start, so writes go on while it builds; a build a crash left invalid is
 * dropped and built again. On a partitioned table each partition's index is built concurrently and attached to the
 * parent's. Rollback drops it.
 */
public final class CreateIndex implements Operation {
    public static final String KIND = "create_index";

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;
    private final String table;
    private final List<String> columns;
    private final boolean unique;
    private final String method;
    private final String predicate;

    private CreateIndex(OperationArgs args) {
        this.args = args.allow(Set.of("name", "table", "columns", "unique", "method", "where"));
        this.at = args.position();
        this.name = args.required("name");
        this.table = args.required("table");
        this.columns = args.names("columns");
        this.unique = args.flag("unique", false);
        this.method = args.optional("method");
        this.predicate = args.optional("where");
    }

    public static CreateIndex parse(OperationArgs args) {
        return new CreateIndex(args);
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
        for (String column : columns) {
            ctx.column(t, column, args.position("columns"));
        }
        boolean taken = ctx.before().tables().values().stream()
                .anyMatch(x -> x.indexes().contains(name) || x.name().equals(name));
        if (taken) {
            ctx.findings()
                    .error(
                            "change-name-taken",
                            args.position("name"),
                            "the name " + name + " is taken",
                            "pick another");
        }
        LiveSchema.Table live = t == null ? null : ctx.before().table(t.physical());
        if (live != null && live.partitionedTwice()) {
            ctx.findings()
                    .error(
                            "change-partitioned-index",
                            args.position("table"),
                            table + " has partitions that are partitioned in turn, which create_index does not walk",
                            "create the index per leaf partition in raw_sql");
        }
    }

    private LiveSchema.Table partitioned(ChangeContext ctx, Shape.TableShape t) {
        LiveSchema.Table live = ctx.before().table(t.physical());
        return live != null && live.partitioned() ? live : null;
    }

    /** The index of one partition, attached to the partitioned table's; named after both. */
    static String partitionIndex(String index, String partition) {
        return index + "_" + partition;
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        String cols = columns.stream().map(c -> quote(t.column(c).physical())).collect(Collectors.joining(", "));
        String how = (method == null ? "" : " USING " + method) + " (" + cols + ")"
                + (predicate == null ? "" : " WHERE " + predicate);
        String kind = unique ? "UNIQUE INDEX" : "INDEX";
        LiveSchema.Table parent = partitioned(ctx, t);
        if (parent == null) {
            return List.of(Action.buildIndex(
                    "build index " + name + " on " + table + " concurrently",
                    "CREATE " + kind + " CONCURRENTLY IF NOT EXISTS " + quote(name) + " ON "
                            + ctx.qualified(t.physical()) + how,
                    ctx.schema(),
                    name));
        }
        // CONCURRENTLY does not work on a partitioned table: its index is created empty on the parent alone, each
        // partition's is built concurrently and attached, and the last attach makes the parent's valid.
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic(
                "create index " + name + " on the partitioned table " + table + " alone (invalid until attached)",
                "CREATE " + kind + " IF NOT EXISTS " + quote(name) + " ON ONLY " + ctx.qualified(t.physical()) + how));
        for (String partition : parent.partitionNames()) {
            String child = partitionIndex(name, partition);
            actions.add(Action.buildIndex(
                    "build index " + child + " on partition " + partition + " concurrently",
                    "CREATE " + kind + " CONCURRENTLY IF NOT EXISTS " + quote(child) + " ON " + ctx.qualified(partition)
                            + how,
                    ctx.schema(),
                    child));
            actions.add(Action.concurrent(
                    "attach " + child + " to " + name,
                    "DO $keel$ BEGIN IF NOT EXISTS (SELECT 1 FROM pg_inherits WHERE inhrelid = "
                            + literal(ctx.qualified(child)) + "::regclass) THEN ALTER INDEX " + ctx.qualified(name)
                            + " ATTACH PARTITION " + ctx.qualified(child) + "; END IF; END $keel$"));
        }
        return actions;
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        LiveSchema.Table parent = partitioned(ctx, ctx.shape().table(table));
        if (parent != null) {
            List<Action> actions = new ArrayList<>();
            actions.add(Action.atomic(
                    "drop index " + name + " and the partitions' indexes attached to it",
                    "DROP INDEX IF EXISTS " + ctx.qualified(name)));
            for (String partition : parent.partitionNames()) {
                actions.add(Action.atomic(
                        "drop index " + partitionIndex(name, partition) + " if a crash left it unattached",
                        "DROP INDEX IF EXISTS " + ctx.qualified(partitionIndex(name, partition))));
            }
            return actions;
        }
        return List.of(Action.concurrent(
                "drop index " + name + " concurrently", "DROP INDEX CONCURRENTLY IF EXISTS " + ctx.qualified(name)));
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
