package dev.keel.change.ops;

import dev.keel.change.ChangeContext;
import dev.keel.change.OperationArgs;
import dev.keel.partition.KeyType;
import dev.keel.partition.PartitionInterval;
import dev.keel.partition.PartitionSet;
import dev.keel.partition.PartitionSpan;
import java.util.Set;

/**
 * create_partitioned_table's {@code partition_by}: how rows are split, how far ahead partitions are made, and how long
 * they are kept. Every mistake is a finding at its key before anything runs.
 */
record PartitionBy(
        OperationArgs args,
        String strategy,
        String column,
        String interval,
        int premake,
        boolean withDefault,
        String retention,
        String retentionAction,
        String grace,
        Long start) {

    static PartitionBy parse(OperationArgs a) {
        a.allow(Set.of(
                "strategy",
                "column",
                "interval",
                "premake",
                "default",
                "retention",
                "retention_action",
                "grace",
                "start"));
        String strategy = a.optional("strategy") == null ? PartitionSet.RANGE : a.optional("strategy");
        return new PartitionBy(
                a,
                strategy,
                a.required("column"),
                a.optional("interval"),
                number(a, "premake", PartitionSet.DEFAULT_PREMAKE),
                a.flag("default", true),
                a.optional("retention"),
                a.optional("retention_action") == null ? PartitionSet.DETACH : a.optional("retention_action"),
                a.optional("grace"),
                a.optional("start") == null ? 0L : (long) number(a, "start", 0));
    }

    private static int number(OperationArgs a, String key, int otherwise) {
        String text = a.optional(key);
        if (text == null) {
            return otherwise;
        }
        try {
            return Integer.parseInt(text.trim());
        } catch (NumberFormatException e) {
            a.findings()
                    .error("change-bad-value", a.position(key), "partition_by." + key + " must be a whole number", "");
            return otherwise;
        }
    }

    boolean list() {
        return PartitionSet.LIST.equals(strategy);
    }

    private void bad(ChangeContext ctx, String key, String message, String fix) {
        ctx.findings().error("change-bad-value", args.position(key), message, fix);
    }

    void validate(ChangeContext ctx, TableColumns columns, String table) {
        if (!PartitionSet.RANGE.equals(strategy) && !list()) {
            bad(ctx, "strategy", "partition_by.strategy '" + strategy + "' is not one keel knows", "use range or list");
            return;
        }
        if (column.isEmpty()) {
            return;
        }
        TableColumns.Column key = columns.column(column);
        if (key == null) {
            ctx.findings()
                    .error(
                            "change-partition-key-unknown",
                            args.position("column"),
                            "the partition key " + column + " is not a column of " + table,
                            "use one of " + String.join(", ", columns.names()));
            return;
        }
        if (!columns.primaryKey().isEmpty() && !columns.primaryKey().contains(column)) {
            ctx.findings()
                    .error(
                            "change-partition-key-not-in-primary-key",
                            args.position("column"),
                            "the primary key (" + String.join(", ", columns.primaryKey()) + ") of " + table
                                    + " does not hold the partition key " + column
                                    + ": PostgreSQL enforces a unique key on a partitioned table only per partition",
                            "add primary_key: true to " + column);
        }
        for (TableColumns.Column c : columns.all()) {
            if (c.unique() && !c.name().equals(column)) {
                ctx.findings()
                        .error(
                                "change-partition-key-not-in-primary-key",
                                c.args().position("unique"),
                                "the unique column " + c.name() + " of " + table + " does not hold the partition key "
                                        + column + ", which PostgreSQL refuses on a partitioned table",
                                "drop unique, or make a unique index of (" + c.name() + ", " + column
                                        + ") in template.indexes");
            }
        }
        if (list()) {
            for (String k : new String[] {"interval", "retention", "start"}) {
                if (args.optional(k) != null) {
                    bad(ctx, k, "partition_by." + k + " is for strategy range", "remove it");
                }
            }
            return;
        }
        validateRange(ctx, key.type());
    }

    /** The range rules against the key column's type as the catalog or the file writes it. */
    void validateRange(ChangeContext ctx, String keyType) {
        KeyType type = KeyType.of(keyType).orElse(null);
        if (type == null) {
            ctx.findings()
                    .error(
                            "change-partition-key-type",
                            args.position("column"),
                            "the range key " + column + " is " + keyType + ", which keel cannot cut into intervals",
                            "partition by a timestamptz, timestamp, date or integer column, or use strategy: list");
            return;
        }
        if (interval == null) {
            ctx.findings()
                    .error(
                            "change-missing-key",
                            args.position(),
                            "a range partitioned table needs partition_by.interval",
                            type.time()
                                    ? "add interval: 1 month (or day, week, quarter, year, 6 hours, 15 minutes)"
                                    : "add interval: 1000000 (the width of each partition's range)");
        } else {
            try {
                PartitionInterval.parse(interval, type);
            } catch (PartitionInterval.Invalid e) {
                ctx.findings().error("change-partition-interval", args.position("interval"), e.getMessage(), e.fix());
            }
        }
        if (premake < 1 || premake > 1000) {
            bad(ctx, "premake", "partition_by.premake must be between 1 and 1000, not " + premake, "");
        }
        if (retention != null) {
            if (!type.time()) {
                bad(
                        ctx,
                        "retention",
                        "retention needs a time key; " + column + " is an integer",
                        "remove retention, or detach old partitions with raw_sql");
            } else {
                span(ctx, "retention", retention);
            }
        }
        if (!PartitionSet.DETACH.equals(retentionAction) && !PartitionSet.DROP.equals(retentionAction)) {
            bad(
                    ctx,
                    "retention_action",
                    "partition_by.retention_action '" + retentionAction + "' is unknown",
                    "use detach or drop");
        }
        if (grace != null) {
            span(ctx, "grace", grace);
            if (!PartitionSet.DROP.equals(retentionAction)) {
                bad(ctx, "grace", "a grace period applies to retention_action: drop only", "remove grace, or drop");
            }
        }
        if (args.optional("start") != null && type.time()) {
            bad(ctx, "start", "partition_by.start is for integer keys; time partitions start now", "remove it");
        }
    }

    private void span(ChangeContext ctx, String key, String text) {
        try {
            PartitionSpan.parse(text);
        } catch (IllegalArgumentException e) {
            bad(ctx, key, "partition_by." + key + " " + e.getMessage(), "");
        }
    }
}
