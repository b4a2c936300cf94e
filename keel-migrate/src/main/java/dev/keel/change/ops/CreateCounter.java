package dev.keel.change.ops;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import dev.keel.projection.CounterDefinition;
import dev.keel.projection.CounterSql;
import dev.keel.projection.ProjectionCatalog;
import dev.keel.sql.Identifiers;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Creates a counter: rows per group of a table (orders per user), with the sum of a column when asked (revenue per
 * product), kept without a hot row. Start creates the stripes, the triggers that add each statement's deltas and the
 * view that sums them, commits, then writes the base rows from the table in one statement while writes go on.
 * Complete leaves it as it is; rollback drops all of it.
 */
public final class CreateCounter implements Operation {
    public static final String KIND = "create_counter";
    /** The longest name whose stripes table and triggers still fit PostgreSQL's 63 bytes. */
    private static final int MAX_NAME = 48;
    /** The view's columns and the stripes' own. */
    private static final Set<String> RESERVED = Set.of("count", "sum", "keel_slot", "keel_count", "keel_sum");

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;
    private final String table;
    private final List<String> groupBy;
    private final String sum;
    private final String where;

    private CreateCounter(OperationArgs args) {
        this.args = args.allow(Set.of("name", "table", "group_by", "sum", "where"));
        this.at = args.position();
        this.name = args.required("name");
        this.table = args.required("table");
        this.groupBy = args.names("group_by");
        this.sum = args.optional("sum");
        this.where = args.optional("where");
    }

    public static CreateCounter parse(OperationArgs args) {
        return new CreateCounter(args);
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
        Shape.TableShape t = ctx.table(table, args.position("table"));
        if (t == null) {
            return;
        }
        if (t.created()
                || !t.physical().equals(t.name())
                || t.columns().values().stream().anyMatch(c -> !c.physical().equals(c.name()))) {
            ctx.findings()
                    .error(
                            "change-counter-table-changing",
                            args.position("table"),
                            "table " + Identifiers.display(table) + " is created or changed by an earlier operation of"
                                    + " this file, and a counter's triggers address its columns by their final names",
                            "create the counter in a change file of its own, after this one");
            return;
        }
        for (String column : groupBy) {
            ctx.column(t, column, args.position("group_by"));
            if (RESERVED.contains(column)) {
                ctx.findings()
                        .error(
                                "change-counter-column-name",
                                args.position("group_by"),
                                "group column " + column + " would clash with the counter's own " + column + " column",
                                "group by another column, or count through a view that renames it");
            }
        }
        if (groupBy.stream().distinct().count() < groupBy.size()) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("group_by"),
                            "group_by names a column twice",
                            "name each group column once");
        }
        if (sum != null) {
            Shape.ColumnShape c = ctx.column(t, sum, args.position("sum"));
            if (c != null && CounterDefinition.sumTypeOf(c.type()) == null) {
                ctx.findings()
                        .error(
                                "change-counter-sum-type",
                                args.position("sum"),
                                "column " + sum + " is " + c.type() + ", which a counter cannot sum exactly: only"
                                        + " smallint, integer, bigint and numeric sums stay the same in any order",
                                "sum a numeric column (amounts in cents as bigint, or numeric(12,2))");
            }
        }
        if (where != null) {
            ctx.checkExpression(t, where, "boolean", args.position("where"), "where");
        }
    }

    private void validateName(ChangeContext ctx) {
        ctx.requireFreeName("counter", name, "stripes", MAX_NAME, args.position("name"));
    }

    private CounterDefinition definition(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        String sumType =
                sum == null ? null : CounterDefinition.sumTypeOf(t.column(sum).type());
        return new CounterDefinition(ctx.schema(), name, t.physical(), groupBy, sum, sumType, where);
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        CounterDefinition counter = definition(ctx);
        LiveSchema.Table live = ctx.before().table(counter.table());
        boolean partitioned = live != null && live.partitioned();
        CounterSql sql = new CounterSql(counter, partitioned);
        String registry = ProjectionCatalog.table(ctx.stateSchema());
        List<String> create = sql.create(registry, ctx.version());
        String[] what = {
            "register counter " + name + " in " + registry,
            "create " + counter.stripesName() + " for the stripes of counter " + name,
            "create the function that writes " + name + "'s deltas",
            "count each " + (partitioned ? "row written to" : "statement on") + " " + table + " into "
                    + counter.stripesName(),
            "create view " + name + " that sums the stripes per " + String.join(", ", groupBy),
            "record counter " + name + " as initialising"
        };
        List<Action> actions = new ArrayList<>();
        for (int i = 0; i < create.size(); i++) {
            actions.add(Action.atomic(what[i], create.get(i)));
        }
        actions.add(Action.initialise(
                "write the base rows of " + name + " from " + table + " in one statement, while writes go on",
                sql.initialise(registry)));
        return actions;
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return ProjectionDrops.counter(definition(ctx), ProjectionCatalog.table(ctx.stateSchema()));
    }

    @Override
    public void apply(ChangeContext ctx) {}
}
