package dev.keel.change.ops;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.change.Action;
import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.Operation;
import dev.keel.change.OperationArgs;
import dev.keel.change.ShadowNames;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import dev.keel.partition.KeyType;
import dev.keel.partition.PartitionDdl;
import dev.keel.partition.PartitionInterval;
import dev.keel.partition.PartitionSet;
import dev.keel.partition.PartitionSets;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Converts an existing, populated table into a range partitioned one while the application goes on writing it. Start
 * creates the new table beside it ({@code <table>_keel_part}: the same columns, defaults, checks, indexes and foreign
 * keys, partitions from the oldest row's to {@code premake} ahead and a default one), a trigger copying every write
 * into it, and a backfill copying the existing rows in batches by primary key. Complete swaps the two by name under
 * one short lock and registers the set for keel partitions maintain; the old table is kept as
 * {@code <table>_keel_old} for a later change to drop. Rollback drops the new table and the trigger.
 */
public final class PartitionTable implements Operation {
    public static final String KIND = "partition_table";
    /** Beyond this many partitions the interval is too fine for the table's span of keys. */
    static final int MOST_PARTITIONS = 1000;

    private final YamlNode.Position at;
    private final OperationArgs args;
    private final String table;
    /** The schema written before the table's name ({@code public.events}, as keel doctor proposes it); or null. */
    private final String qualifier;

    private final PartitionBy by;

    private PartitionTable(OperationArgs args) {
        this.args = args.allow(Set.of("table", "partition_by"));
        this.at = args.position();
        String written = args.required("table");
        int dot = written.indexOf('.');
        this.qualifier = dot < 0 ? null : written.substring(0, dot);
        this.table = written.substring(dot + 1);
        this.by = PartitionBy.parse(args.nested("partition_by"));
    }

    public static PartitionTable parse(OperationArgs args) {
        return new PartitionTable(args);
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public YamlNode.Position at() {
        return at;
    }

    private String copy() {
        return ShadowNames.partitionedCopy(table);
    }

    @Override
    public void validate(ChangeContext ctx) {
        if (qualifier != null && !qualifier.equals(ctx.schema())) {
            ctx.findings()
                    .error(
                            "change-bad-value",
                            args.position("table"),
                            "the table is in schema " + qualifier + ", and this file changes schema " + ctx.schema(),
                            "add schema: " + qualifier + " at the top of the file, or put the table in a file of its"
                                    + " own");
            return;
        }
        new PartitionTableRules(ctx, args, by, table).check();
        LiveSchema.Table live = live(ctx);
        if (live != null && !ctx.findings().hasErrors()) {
            int count = buckets(ctx, live).size();
            if (count > MOST_PARTITIONS) {
                ctx.findings()
                        .error(
                                "change-partition-interval",
                                by.args().position("interval"),
                                "the rows of " + table + " and premake span more than " + MOST_PARTITIONS
                                        + " partitions of " + by.interval() + ", the most keel makes at once",
                                "choose a wider interval");
            }
        }
    }

    private LiveSchema.Table live(ChangeContext ctx) {
        Shape.TableShape t = ctx.shape().table(table);
        return t == null || t.created() ? null : ctx.before().table(t.physical());
    }

    PartitionSet set(ChangeContext ctx, String parent, LiveSchema.Table live) {
        return new PartitionSet(
                ctx.schema(),
                parent,
                PartitionSet.RANGE,
                by.column(),
                KeyType.of(live.column(by.column()).type()).orElseThrow(),
                by.interval(),
                by.premake(),
                by.retention(),
                by.retentionAction(),
                by.grace(),
                null,
                ctx.version() == null ? "" : ctx.version());
    }

    /** From the oldest row's bucket to {@code premake} past the newest row's or now's, whichever is later. */
    private List<Long> buckets(ChangeContext ctx, LiveSchema.Table live) {
        KeyType type = KeyType.of(live.column(by.column()).type()).orElseThrow();
        PartitionInterval width = PartitionInterval.parse(by.interval(), type);
        long now = Instant.now().getEpochSecond();
        long[] range = ctx.keyRange(live.name(), by.column(), type.time()).orElse(null);
        long first;
        long last;
        if (range == null) {
            first = width.bucketOf(type.time() ? now : by.start());
            last = first;
        } else {
            first = width.bucketOf(range[0]);
            last = width.bucketOf(range[1]);
        }
        if (type.time()) {
            first = Math.min(first, width.bucketOf(now));
            last = Math.max(last, width.bucketOf(now));
        }
        List<Long> out = new ArrayList<>();
        for (long b = first; b <= last + by.premake() && out.size() <= MOST_PARTITIONS; b++) {
            out.add(b);
        }
        return out;
    }

    /** The columns written by copies: every one but generated columns, which compute themselves. */
    private static List<String> written(LiveSchema.Table live) {
        return live.columns().stream()
                .filter(c -> !c.generated() || c.defaultExpr() == null)
                .map(LiveSchema.Column::name)
                .toList();
    }

    /** Identity columns are generated without a default expression; their values are copied over them. */
    private static boolean hasIdentity(LiveSchema.Table live) {
        return live.columns().stream().anyMatch(c -> c.generated() && c.defaultExpr() == null);
    }

    private static List<LiveSchema.Dependent> indexes(LiveSchema.Table live) {
        return live.dependents().stream()
                .filter(d -> d.kind().equals("index") && !d.primary())
                .toList();
    }

    private static LiveSchema.Dependent primaryKey(LiveSchema.Table live) {
        return live.dependents().stream()
                .filter(d -> d.kind().equals("index") && d.primary())
                .findFirst()
                .orElseThrow();
    }

    PartitionCopyTrigger trigger(ChangeContext ctx, LiveSchema.Table live) {
        return new PartitionCopyTrigger(
                ctx.stateSchema(),
                ctx.schema(),
                table,
                copy(),
                primaryKey(live).keyColumns(),
                written(live),
                hasIdentity(live));
    }

    @Override
    public List<Action> start(ChangeContext ctx) {
        LiveSchema.Table live = live(ctx);
        String old = ctx.qualified(table);
        String target = ctx.qualified(copy());
        PartitionSet set = set(ctx, copy(), live);
        List<Action> actions = new ArrayList<>();
        actions.add(Action.atomic("check that no view depends on " + table, noViews(old)));
        actions.add(Action.atomic(
                "create " + copy() + " like " + table + ", partitioned by range of " + by.column(),
                "CREATE TABLE " + target + " (LIKE " + old + " INCLUDING ALL EXCLUDING INDEXES) PARTITION BY RANGE ("
                        + quote(by.column()) + ")"));
        LiveSchema.Dependent pk = primaryKey(live);
        actions.add(Action.atomic(
                "its primary key (" + String.join(", ", pk.keyColumns()) + ")",
                "ALTER TABLE " + target + " ADD CONSTRAINT " + quote(ShadowNames.copyOf(pk.name())) + " PRIMARY KEY ("
                        + pk.keyColumns().stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ")"));
        for (LiveSchema.Dependent index : indexes(live)) {
            actions.add(Action.atomic(
                    "its copy of index " + index.name(),
                    SqlResources.load(
                            PartitionTable.class,
                            "partition-copy-index.sql",
                            Map.of(
                                    "index", literal(ctx.qualified(index.name())),
                                    "unique", literal(index.unique() ? "UNIQUE " : ""),
                                    "copy", literal(quote(ShadowNames.copyOf(index.name()))),
                                    "target", literal(target)))));
        }
        for (LiveSchema.Dependent fk : live.dependents()) {
            if (fk.kind().equals("foreign_key")) {
                actions.add(Action.atomic(
                        "its foreign key " + fk.name(),
                        "ALTER TABLE " + target + " ADD CONSTRAINT " + quote(fk.name()) + " " + fk.definition()));
            }
        }
        if (by.withDefault()) {
            actions.add(Action.atomic(
                    "its default partition " + PartitionDdl.defaultName(table),
                    "CREATE TABLE " + ctx.qualified(PartitionDdl.defaultName(table)) + " PARTITION OF " + target
                            + " DEFAULT"));
        }
        PartitionInterval width = set.width();
        for (long bucket : buckets(ctx, live)) {
            // Named after the table they will belong to, as keel partitions maintain names the ones it adds.
            String partition = width.partitionName(table, bucket);
            actions.add(Action.atomic(
                    "its partition " + partition,
                    PartitionDdl.createRange(set, partition, width.lower(bucket), width.lower(bucket + 1))));
        }
        actions.add(trigger(ctx, live).create());
        List<String> keyTypes =
                live.key().stream().map(k -> live.column(k).type()).toList();
        actions.add(Action.backfill(new Action.Backfill(
                ctx.schema(),
                table,
                live.key(),
                keyTypes,
                List.of(),
                new Action.Copy(copy(), written(live), hasIdentity(live)),
                false)));
        return actions;
    }

    private static String noViews(String qualified) {
        return SqlResources.load(
                PartitionTable.class,
                "partition-no-views.sql",
                Map.of("table", literal(qualified), "versionComment", literal(ShadowNames.VERSION_SCHEMA_COMMENT)));
    }

    /**
     * One transaction, under the change's lock_timeout with retries: every statement is a catalog change, so the
     * lock is held for milliseconds once granted. The old table's index names are freed before the new table takes
     * them (index names are per schema).
     */
    @Override
    public List<Action> complete(ChangeContext ctx) {
        LiveSchema.Table live = live(ctx);
        String old = ctx.qualified(table);
        String target = ctx.qualified(copy());
        String replaced = ShadowNames.replaced(table);
        List<LiveSchema.Dependent> references = incoming(live);
        List<Action> actions = new ArrayList<>();
        if (!references.isEmpty()) {
            // First, so that no wait for one of them holds up the table itself.
            actions.add(Action.atomic(
                    "lock the tables whose foreign keys reference " + table + " for the swap",
                    SqlResources.load(
                            PartitionTable.class, "partition-lock-references.sql", Map.of("old", literal(old)))));
        }
        actions.add(Action.atomic(
                "lock " + table + " and " + copy() + " for the swap",
                "LOCK TABLE " + old + ", " + target + " IN ACCESS EXCLUSIVE MODE"));
        actions.add(Action.atomic("check that no view depends on " + table, noViews(old)));
        actions.add(Action.atomic(
                "check that no trigger was created on " + table,
                SqlResources.load(
                        PartitionTable.class,
                        "partition-no-triggers.sql",
                        Map.of("table", literal(old), "copyTrigger", literal(ShadowNames.COPY_TRIGGER)))));
        actions.add(trigger(ctx, live).drop());
        if (!references.isEmpty()) {
            actions.add(Action.atomic(
                    "point the foreign keys that reference " + table + " ("
                            + references.stream()
                                    .map(LiveSchema.Dependent::name)
                                    .collect(Collectors.joining(", "))
                            + ") at " + copy() + ", NOT VALID",
                    SqlResources.load(
                            PartitionTable.class,
                            "partition-move-references.sql",
                            Map.of("old", literal(old), "new", literal(target)))));
        }
        actions.add(Action.atomic(
                "carry the sequences of " + table + " over to " + copy(),
                SqlResources.load(
                        PartitionTable.class,
                        "partition-carry-sequences.sql",
                        Map.of("old", literal(old), "new", literal(target)))));
        actions.add(Action.atomic(
                "give " + copy() + " the rights granted on " + table,
                SqlResources.load(
                        Action.class, "grant-like.sql", Map.of("table", literal(old), "view", literal(target)))));
        List<LiveSchema.Dependent> indexes = new ArrayList<>(indexes(live));
        indexes.add(0, primaryKey(live));
        for (LiveSchema.Dependent index : indexes) {
            actions.add(Action.atomic(
                    "rename index " + index.name() + " of the old table to " + ShadowNames.replaced(index.name()),
                    "ALTER INDEX " + ctx.qualified(index.name()) + " RENAME TO "
                            + quote(ShadowNames.replaced(index.name()))));
        }
        actions.add(Action.atomic(
                "rename " + table + " to " + replaced + " (kept until a later change drops it)",
                "ALTER TABLE " + old + " RENAME TO " + quote(replaced)));
        actions.add(Action.atomic(
                "rename " + copy() + " to " + table, "ALTER TABLE " + target + " RENAME TO " + quote(table)));
        for (LiveSchema.Dependent index : indexes) {
            actions.add(Action.atomic(
                    "rename its index " + ShadowNames.copyOf(index.name()) + " to " + index.name(),
                    "ALTER INDEX " + ctx.qualified(ShadowNames.copyOf(index.name())) + " RENAME TO "
                            + quote(index.name())));
        }
        actions.add(Action.atomic(
                "record the partition set " + table + " for keel partitions maintain",
                PartitionSets.upsert(ctx.stateSchema(), set(ctx, table, live))));
        List<String> valid = references.stream()
                .filter(d -> d.definition() == null || !d.definition().endsWith(" NOT VALID"))
                .map(d -> literal(d.name()))
                .toList();
        if (!valid.isEmpty()) {
            actions.add(Action.concurrent(
                    "validate the foreign keys moved to " + table + " (a scan that blocks no reads or writes)",
                    SqlResources.load(
                            PartitionTable.class,
                            "partition-validate-references.sql",
                            Map.of(
                                    "table",
                                    literal(old),
                                    "moved",
                                    "ARRAY[" + String.join(", ", valid) + "]::text[]"))));
        }
        return actions;
    }

    /** Foreign keys of other tables that reference this one, which the swap moves to the new table. */
    private static List<LiveSchema.Dependent> incoming(LiveSchema.Table live) {
        return live.dependents().stream()
                .filter(d -> d.kind().equals("referenced_by"))
                .toList();
    }

    @Override
    public List<Action> rollback(ChangeContext ctx) {
        LiveSchema.Table live = live(ctx);
        return List.of(
                trigger(ctx, live).drop(),
                Action.atomic(
                        "drop " + copy() + " and its partitions", "DROP TABLE IF EXISTS " + ctx.qualified(copy())));
    }

    /** The shape is the same: the table keeps its name and columns, only its storage changes. */
    @Override
    public void apply(ChangeContext ctx) {}
}
