package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import dev.keel.partition.KeyType;
import dev.keel.partition.PartitionCatalog;
import dev.keel.partition.PartitionDdl;
import dev.keel.partition.PartitionPlanner;
import dev.keel.partition.PartitionSet;
import dev.keel.partition.PartitionSets;
import dev.keel.partition.PartitionStep;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Creates a partitioned table at start, whole, like create_table: the parent, its default partition, the partitions
 * from now to {@code premake} ahead (range) or the listed ones (list), the template's indexes on the parent (each
 * partition gets them, now and later), and the set's row in keel.partition_sets, which keel partitions maintain
 * reads. Rollback drops the table with its partitions and forgets the set.
 */
public final class CreatePartitionedTable implements Operation {
    public static final String KIND = "create_partitioned_table";
    /** The longest parent name whose partition names (parent_p20261203_1400) fit PostgreSQL's 63 bytes. */
    static final int LONGEST_PARENT = 48;

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String name;
    private final TableColumns columns;
    private final PartitionBy by;
    private final List<ListPartition> lists = new ArrayList<>();
    private final PartitionTemplate template;

    record ListPartition(String name, List<String> values) {}

    private CreatePartitionedTable(OperationArgs args) {
        this.args = args.allow(Set.of("name", "columns", "partition_by", "partitions", "template"));
        this.at = args.position();
        this.name = args.required("name");
        this.columns = TableColumns.parse(args);
        this.by = PartitionBy.parse(args.nested("partition_by"));
        if (args.node("partitions") != null) {
            for (OperationArgs p : args.each("partitions")) {
                p.allow(Set.of("name", "values"));
                lists.add(new ListPartition(p.required("name"), p.names("values")));
            }
        }
        this.template = args.node("template") == null
                ? PartitionTemplate.NONE
                : PartitionTemplate.parse(args.nested("template"));
    }

    public static CreatePartitionedTable parse(OperationArgs args) {
        return new CreatePartitionedTable(args);
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
        if (!name.isEmpty() && ctx.shape().table(name) != null) {
            ctx.findings()
                    .error(
                            "change-table-exists",
                            args.position("name"),
                            "table " + name + " already exists",
                            "pick another name");
        }
        if (name.length() > LONGEST_PARENT) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("name"),
                            "the name " + name + " is longer than " + LONGEST_PARENT
                                    + " characters, too long for its partitions' names (name_p20261203_1400)",
                            "pick a shorter name");
        }
        columns.validate(ctx);
        by.validate(ctx, columns, name);
        if (by.list() && lists.isEmpty()) {
            ctx.findings()
                    .error(
                            "change-missing-key",
                            by.args().position(),
                            "a list partitioned table needs its partitions",
                            "add partitions: [{name: " + name + "_eu, values: [de, fr]}]");
        }
        if (!by.list() && !lists.isEmpty()) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("partitions"),
                            "partitions are listed only for strategy list; range partitions follow from the interval",
                            "remove partitions, or use strategy: list");
        }
        template.validate(ctx, columns, by);
    }

    PartitionSet set(ChangeContext ctx) {
        return new PartitionSet(
                ctx.schema(),
                name,
                by.strategy(),
                by.column(),
                by.list() ? null : KeyType.of(columns.type(by.column())).orElseThrow(),
                by.list() ? null : by.interval(),
                by.premake(),
                by.retention(),
                by.retentionAction(),
                by.grace(),
                template.settings(),
                ctx.version() == null ? "" : ctx.version());
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        PartitionSet set = set(ctx);
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic(
                "create partitioned table " + name + " by " + by.strategy() + " of " + by.column(),
                "CREATE TABLE " + ctx.qualified(name) + " (" + columns.definitions() + ") PARTITION BY "
                        + (by.list() ? "LIST" : "RANGE") + " (" + quote(by.column()) + ")"));
        if (by.withDefault()) {
            actions.add(Action.atomic(
                    "create its default partition " + PartitionDdl.defaultName(name), PartitionDdl.createDefault(set)));
        }
        for (ListPartition p : lists) {
            actions.add(Action.atomic(
                    "create partition " + p.name(),
                    "CREATE TABLE " + ctx.qualified(p.name()) + " PARTITION OF " + ctx.qualified(name)
                            + " FOR VALUES IN ("
                            + p.values().stream().map(v -> literal(v)).collect(Collectors.joining(", ")) + ")"
                            + PartitionDdl.with(set)));
        }
        if (!by.list()) {
            PartitionCatalog.Parent empty = new PartitionCatalog.Parent(true, List.of());
            long now = Instant.now().getEpochSecond();
            Long start = by.start();
            for (PartitionStep step : PartitionPlanner.plan(
                            set, new PartitionPlanner.Facts(empty, now, start, Set.of(), List.of()))
                    .steps()) {
                actions.add(Action.atomic(
                        step.description(),
                        PartitionDdl.createRange(set, step.partition(), step.lower(), step.upper())));
            }
        }
        actions.addAll(template.indexes(ctx, name));
        actions.add(Action.atomic(
                "record the partition set " + name + " for keel partitions maintain",
                PartitionSets.upsert(ctx.stateSchema(), set)));
        return actions;
    }

    @Override
    public List<Action> complete(ChangeContext ctx) {
        return List.of();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        return List.of(
                Action.atomic(
                        "drop the created table " + name + " and its partitions",
                        "DROP TABLE IF EXISTS " + ctx.qualified(name)),
                Action.atomic(
                        "forget the partition set " + name,
                        "DO $keel$ BEGIN IF to_regclass(" + literal(PartitionSets.table(ctx.stateSchema()))
                                + ") IS NOT NULL THEN " + PartitionSets.forget(ctx.stateSchema(), ctx.schema(), name)
                                + "; END IF; END $keel$"));
    }

    @Override
    public void apply(ChangeContext ctx) {
        Shape.TableShape t = new Shape.TableShape(name, name, true);
        columns.addTo(t);
        ctx.shape().addTable(t);
    }
}
