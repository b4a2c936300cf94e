package dev.keel.change;

import dev.keel.projection.SummaryDefinition;
import java.util.List;

/**
 * One planned step of a change. Operations return actions and never run SQL; {@link ChangeExecutor} runs them, and a
 * dry run prints them.
 *
 * @param kind when and how the executor runs it
 * @param description what it does, for people
 * @param sql the statement; null for a backfill
 * @param index the index a concurrent build creates: an invalid one left by a killed build is dropped first
 * @param summary the summary a first fill refreshes; its {@code sql} then marks the summary filled
 */
public record Action(
        Kind kind, String description, String sql, Backfill backfill, String index, SummaryDefinition summary) {

    public enum Kind {
        /** A catalog change, run with the others of its phase in one transaction under a short lock_timeout. */
        ATOMIC,
        /** Outside a transaction, each on its own (CREATE/DROP INDEX CONCURRENTLY); repeatable. */
        CONCURRENT,
        /** VALIDATE CONSTRAINT: a scan that blocks no reads or writes, run before complete's transaction. */
        VALIDATE,
        /** Filling new columns of existing rows in batches by key. */
        BACKFILL,
        /**
         * One statement on its own, after start's transaction committed the triggers it relies on (a counter's base
         * rows); it must do nothing when run again after a crash.
         */
        INITIALISE,
        /**
         * A summary's first fill: every bucket pending since start's transaction is refreshed, in pieces of their own
         * transactions on a large table, then {@code sql} marks it filled; a rerun continues from what is left.
         */
        FILL
    }

    /** A table whose existing rows the dual-write trigger must see once, batch by batch along {@code key}. */
    public String describe() {
        return sql == null || kind == Kind.FILL ? description : sql;
    }

    /**
     * @param fills what the dual-write trigger writes for a row written through the old shape: each new column and
     *     its {@code up} expression over the old shape's columns (physical and old names are the same)
     * @param copy where each batch copies its rows to instead of touching them in place; null for none
     * @param writesFills whether each batch writes the fills itself whatever other triggers the table has: for an
     *     operation whose own trigger recomputes a written value when it must, so a batch that set a column to itself
     *     would leave it as it was
     */
    public record Backfill(
            String schema,
            String table,
            List<String> key,
            List<String> keyTypes,
            List<Fill> fills,
            Copy copy,
            boolean writesFills) {

        public Backfill(String schema, String table, List<String> key, List<String> keyTypes, List<Fill> fills) {
            this(schema, table, key, keyTypes, fills, null, false);
        }
    }

    /**
     * A table the batches copy rows into (partition_table's new table), by the columns written, skipping rows a
     * trigger copied first.
     *
     * @param overriding whether the insert overrides identity columns, whose values are copied as they are
     */
    public record Copy(String table, List<String> columns, boolean overriding) {}

    /** A physical column and the expression that fills it. */
    public record Fill(String column, String expression) {}

    public static Action atomic(String description, String sql) {
        return new Action(Kind.ATOMIC, description, sql, null, null, null);
    }

    public static Action concurrent(String description, String sql) {
        return new Action(Kind.CONCURRENT, description, sql, null, null, null);
    }

    public static Action buildIndex(String description, String sql, String schema, String index) {
        return new Action(Kind.CONCURRENT, description, sql, null, schema + "." + index, null);
    }

    public static Action initialise(String description, String sql) {
        return new Action(Kind.INITIALISE, description, sql, null, null, null);
    }

    public static Action validate(String description, String sql) {
        return new Action(Kind.VALIDATE, description, sql, null, null, null);
    }

    public static Action backfill(Backfill backfill) {
        return new Action(
                Kind.BACKFILL,
                "backfill " + backfill.schema() + "." + backfill.table() + " in batches by "
                        + String.join(", ", backfill.key()),
                null,
                backfill,
                null,
                null);
    }

    public static Action fill(String description, SummaryDefinition summary, String filledSql) {
        return new Action(Kind.FILL, description, filledSql, null, null, summary);
    }
}
