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
import java.util.stream.Collectors;

/**
 * Creates an index, always CONCURRENTLY at start, so writes go on while it builds; a build a crash left invalid is
 * dropped and built again. Rollback drops it concurrently.
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
        if (live != null && live.partitioned()) {
            ctx.findings()
                    .error(
                            "change-partitioned-index",
                            args.position("table"),
                            table + " is partitioned, and keel builds indexes on partitioned tables with raw_sql only",
                            "create the index per partition in raw_sql");
        }
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        String cols = columns.stream().map(c -> quote(t.column(c).physical())).collect(Collectors.joining(", "));
        return List.of(Action.buildIndex(
                "build index " + name + " on " + table + " concurrently",
                "CREATE " + (unique ? "UNIQUE " : "") + "INDEX CONCURRENTLY IF NOT EXISTS " + quote(name) + " ON "
                        + ctx.qualified(t.physical()) + (method == null ? "" : " USING " + method) + " (" + cols + ")"
                        + (predicate == null ? "" : " WHERE " + predicate),
                ctx.schema(),
                name));
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of(Action.concurrent(
                "drop index " + name + " concurrently", "DROP INDEX CONCURRENTLY IF EXISTS " + ctx.qualified(name)));
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
