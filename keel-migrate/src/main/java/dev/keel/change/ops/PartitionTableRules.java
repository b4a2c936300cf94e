package dev.keel.change.ops;

import dev.keel.change.ChangeContext;
import dev.keel.change.LiveSchema;
import dev.keel.change.OperationArgs;
import dev.keel.change.ShadowNames;
import dev.keel.change.Shape;
import dev.keel.change.YamlNode;
import java.util.List;

/**
 * What partition_table refuses, each with why: PostgreSQL enforces a unique key of a partitioned table partition by
 * partition, so every unique key (the primary key first) must hold the partition key, and so must every key another
 * table's foreign key references (those foreign keys are moved to the new table at the swap).
 */
final class PartitionTableRules {
    private final ChangeContext ctx;
    private final OperationArgs args;
    private final PartitionBy by;
    private final String table;

    PartitionTableRules(ChangeContext ctx, OperationArgs args, PartitionBy by, String table) {
        this.ctx = ctx;
        this.args = args;
        this.by = by;
        this.table = table;
    }

    private void error(String code, YamlNode.Position at, String message, String fix) {
        ctx.findings().error(code, at, message, fix);
    }

    void check() {
        Shape.TableShape t = ctx.table(table, args.position("table"));
        if (t == null) {
            return;
        }
        if (t.created()) {
            error(
                    "change-bad-value",
                    args.position("table"),
                    table + " is created by this change; partition_table converts a table that exists",
                    "create it with create_partitioned_table instead");
            return;
        }
        LiveSchema.Table live = ctx.before().table(t.physical());
        if (live == null) {
            return;
        }
        if (live.partitioned()) {
            error(
                    "change-table-partitioned",
                    args.position("table"),
                    table + " is partitioned already",
                    "keep it as it is; keel partitions maintain takes it over once it is in keel.partition_sets");
            return;
        }
        names();
        options();
        if (by.column().isEmpty()) {
            return;
        }
        LiveSchema.Column key = live.column(by.column());
        if (key == null) {
            error(
                    "change-partition-key-unknown",
                    by.args().position("column"),
                    "the partition key " + by.column() + " is not a column of " + table,
                    "use one of "
                            + String.join(
                                    ", ",
                                    live.columns().stream()
                                            .map(LiveSchema.Column::name)
                                            .toList()));
            return;
        }
        uniqueKeys(live);
        references(live);
        triggers(live);
        by.validateRange(ctx, key.type());
    }

    private void names() {
        if (table.length() > CreatePartitionedTable.LONGEST_PARENT) {
            error(
                    "change-bad-value",
                    args.position("table"),
                    "the name " + table + " is longer than " + CreatePartitionedTable.LONGEST_PARENT
                            + " characters, too long for its partitions' names (name_p20261203_1400)",
                    "rename it first");
        }
        for (String name : List.of(ShadowNames.partitionedCopy(table), ShadowNames.replaced(table))) {
            if (ctx.before().table(name) != null) {
                error(
                        "change-table-exists",
                        args.position("table"),
                        "table " + name + " exists, and partition_table needs its name for " + table,
                        "drop or rename " + name + " first (a table left by an earlier partition_table is dropped"
                                + " with drop_table)");
            }
        }
    }

    private void options() {
        if (by.list()) {
            error(
                    "change-bad-value",
                    by.args().position("strategy"),
                    "partition_table converts a table to range partitions only",
                    "use strategy: range (the default), or create a list partitioned table with"
                            + " create_partitioned_table");
        }
        if (!by.withDefault()) {
            error(
                    "change-bad-value",
                    by.args().position("default"),
                    "partition_table needs a default partition: a row the application writes during the"
                            + " conversion with a key no partition covers would fail its statement",
                    "remove default: false");
        }
    }

    private void uniqueKeys(LiveSchema.Table live) {
        String key = by.column();
        List<LiveSchema.Dependent> indexes =
                live.dependents().stream().filter(d -> d.kind().equals("index")).toList();
        LiveSchema.Dependent pk = indexes.stream()
                .filter(LiveSchema.Dependent::primary)
                .findFirst()
                .orElse(null);
        if (pk == null) {
            error(
                    "change-partition-needs-primary-key",
                    args.position("table"),
                    table + " has no primary key, by which the trigger copies each write to the new table",
                    "add a primary key that holds " + key + ", e.g. (id, " + key + "), in an earlier migration");
            return;
        }
        if (!pk.keyColumns().contains(key)) {
            error(
                    "change-partition-key-not-in-primary-key",
                    by.args().position("column"),
                    "the primary key " + pk.name() + " (" + String.join(", ", pk.keyColumns()) + ") of " + table
                            + " does not hold the partition key " + key
                            + ": PostgreSQL enforces a unique key on a partitioned table only per partition",
                    "make the primary key (" + String.join(", ", pk.keyColumns()) + ", " + key
                            + ") in an earlier migration");
        }
        for (LiveSchema.Dependent index : indexes) {
            if (index.primary()) {
                continue;
            }
            if (index.unique() && !index.keyColumns().contains(key)) {
                error(
                        "change-partition-key-not-in-primary-key",
                        by.args().position("column"),
                        "the unique index " + index.name() + " of " + table + " does not hold the partition key " + key
                                + ", which PostgreSQL refuses on a partitioned table",
                        "replace it with a unique index that holds " + key + ", or drop it, in an earlier migration");
            }
            if ("x".equals(index.constraintType())) {
                error(
                        "change-partition-key-not-in-primary-key",
                        by.args().position("column"),
                        "the exclusion constraint " + index.constraint() + " of " + table
                                + " cannot be carried over to a partitioned table by keel",
                        "drop it in an earlier migration, and add it to the partitions after the conversion");
            }
        }
    }

    /**
     * The swap puts the new table in the old one's place, and the old one keeps its triggers: an application's trigger
     * would stop firing, and a keel counter, summary or copied column would stop counting without a word. Refused
     * rather than carried over, since a trigger written for one table (a statement trigger with transition tables
     * above all) need not mean the same on a partitioned one.
     */
    private void triggers(LiveSchema.Table live) {
        List<String> names = live.dependents().stream()
                .filter(d -> d.kind().equals("trigger"))
                .map(LiveSchema.Dependent::name)
                .toList();
        if (!names.isEmpty()) {
            error(
                    "change-partition-triggers",
                    args.position("table"),
                    table + " has triggers (" + String.join(", ", names) + ") that the partitioned table would not"
                            + " have after the swap",
                    "drop them in an earlier migration and create them again after this change completes; keel's"
                            + " own (a counter, summary or copied column) with drop_projection in an earlier"
                            + " change");
        }
    }

    /**
     * A foreign key of another table references this one: the swap moves it to the new table when the key it references
     * holds the partition key (the only unique keys a partitioned table has) and its table is not partitioned itself
     * (PostgreSQL cannot add such a key NOT VALID, so moving it would scan under the swap's lock). A table's key that
     * references itself is not moved.
     */
    private void references(LiveSchema.Table live) {
        String key = by.column();
        for (LiveSchema.Dependent d : live.dependents()) {
            boolean incoming = d.kind().equals("referenced_by");
            boolean self = d.kind().equals("foreign_key")
                    && d.definition() != null
                    && d.definition().matches("(?s).*REFERENCES (\\S+\\.)?\"?" + table + "\"?\\(.*");
            if (!incoming && !self) {
                continue;
            }
            String from = incoming ? d.otherTable() : table;
            boolean held = d.columns().contains(key);
            LiveSchema.Table other = incoming ? ctx.before().table(d.otherTable()) : null;
            if (held && incoming && (other == null || !other.partitioned())) {
                continue;
            }
            String why;
            String fix;
            if (!held) {
                why = ", a key without the partition key " + key + ": on a partitioned table PostgreSQL enforces"
                        + " uniqueness only per partition, so a foreign key may only reference a unique key that holds"
                        + " the partition key";
                fix = "reference (" + String.join(", ", d.columns()) + ", " + key + ") instead (add " + key + " to "
                        + from + "), or drop " + d.name() + ", in an earlier migration";
            } else if (self) {
                why = "; keel does not move a table's foreign key to itself";
                fix = "drop " + d.name() + " before this change and add it again after it completes";
            } else {
                why = "; " + from + " is partitioned, and PostgreSQL cannot add its foreign key to the new table"
                        + " without a scan under the swap's lock";
                fix = "drop " + d.name() + " before this change and add it again after it completes";
            }
            error(
                    "change-partition-referenced",
                    args.position("table"),
                    "the foreign key " + d.name() + " of " + from + " references " + table + " ("
                            + String.join(", ", d.columns()) + ")" + why,
                    fix);
        }
    }
}
