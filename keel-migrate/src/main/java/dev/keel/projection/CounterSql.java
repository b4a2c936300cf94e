package dev.keel.projection;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.quote;

import dev.keel.sql.SqlResources;
import java.util.List;
import java.util.Map;

/**
 * The SQL of one counter. Every statement that compares or folds reads the table and the stripes in one statement, so
 * in one snapshot: a writing transaction's rows and its deltas commit together, so both are in that snapshot or
 * neither is.
 */
public final class CounterSql {
    static final String SLOT = "keel_slot";
    static final String COUNT = "keel_count";
    static final String SUM = "keel_sum";
    private static final String NEW_ROWS = "keel_new";
    private static final String OLD_ROWS = "keel_old";
    /** The session's own slot: its rows are written by it alone, and by compaction. */
    private static final String OWN = "-pg_backend_pid()";
    /** One transaction in this many folds its session's rows of the groups it wrote. */
    static final int FOLD_EVERY = 32;

    private final CounterDefinition counter;
    private final GroupColumns groups;
    private final boolean perRow;

    public CounterSql(CounterDefinition counter) {
        this(counter, false);
    }

    /**
     * @param perRow count with row triggers, one delta per row written, rather than statement triggers: for a
     *     partitioned table, whose row triggers PostgreSQL gives every partition (those made later too), while its
     *     statement triggers see only statements that name it
     */
    public CounterSql(CounterDefinition counter, boolean perRow) {
        this.counter = counter;
        this.groups = new GroupColumns(counter.groupBy());
        this.perRow = perRow;
    }

    /** The rows a trigger counts: its transition table, or the one row of a row trigger under the same name. */
    private String rows(String name) {
        if (!perRow) {
            return name;
        }
        return "(SELECT " + (name.equals(NEW_ROWS) ? "NEW" : "OLD") + ".*) AS " + name;
    }

    private String where() {
        return counter.where() == null ? "" : " WHERE (" + counter.where() + ")";
    }

    /** coalesce("amount", 0): a NULL adds nothing, as sum() skips it. */
    private String value() {
        return "coalesce(" + quote(counter.sum()) + ", 0)";
    }

    /** The true aggregate of the table's rows, per group, as (group…, keel_count, keel_sum). */
    String aggregate(String extraCondition) {
        String condition = where();
        if (extraCondition != null) {
            condition = condition.isEmpty() ? " WHERE " + extraCondition : condition + " AND " + extraCondition;
        }
        return "SELECT " + groups.list() + ", count(*) AS " + COUNT
                + (counter.sums() ? ", sum(" + value() + ") AS " + SUM : "") + " FROM " + counter.source() + " AS t"
                + condition + " GROUP BY " + groups.list();
    }

    /** The stripes summed per group, as (group…, keel_count, keel_sum); {@code condition} over alias x, or null. */
    String stripeTotals(String condition, boolean negated) {
        String sign = negated ? "-" : "";
        return "SELECT " + groups.list() + ", " + sign + "sum(" + COUNT + ") AS " + COUNT
                + (counter.sums() ? ", " + sign + "sum(" + SUM + ") AS " + SUM : "") + " FROM " + counter.stripes()
                + " AS x" + (condition == null ? "" : " WHERE " + condition) + " GROUP BY " + groups.list();
    }

    /** The stripes table, typed like the group columns (collation included) by copying them from the table. */
    public List<String> create(String registry, String version) {
        String stripes = counter.stripes();
        String sumColumn = counter.sums() ? ", NULL::" + counter.sumType() + " AS " + SUM : "";
        String table = "CREATE TABLE " + stripes + " AS SELECT " + groups.list() + ", NULL::bigint AS " + SLOT
                + ", NULL::bigint AS " + COUNT + sumColumn + " FROM " + counter.source() + " WITH NO DATA; "
                + "ALTER TABLE " + stripes + " ALTER COLUMN " + SLOT + " SET NOT NULL, ALTER COLUMN " + COUNT
                + " SET NOT NULL" + (counter.sums() ? ", ALTER COLUMN " + SUM + " SET NOT NULL" : "")
                // Compaction deletes rows: a publication of all tables must be able to send those deletes.
                + ", REPLICA IDENTITY FULL; "
                + "CREATE INDEX " + quote(counter.stripesName() + "_group") + " ON " + stripes + " (" + groups.list()
                + ", " + SLOT + "); "
                + "COMMENT ON TABLE " + stripes + " IS "
                + literal("keel counter " + counter.qualifiedName()
                        + ": a base row per group (slot 0) and the deltas of each writing statement (slot = its"
                        + " transaction); read the view " + counter.name());
        return List.of(
                ProjectionCatalog.createSql(registry),
                table,
                function(),
                triggers(),
                view(),
                ProjectionCatalog.registerSql(registry, counter, version));
    }

    /**
     * One function for every event; each statement inserts its delta per group it touched as a new row, so writers never
     * update a shared row and never wait on each other. In READ COMMITTED the rows go to the session's own slot (minus
     * its backend pid), and one transaction in FOLD_EVERY (by transaction id), once, replaces the session's rows of the
     * groups it wrote by their sum: a hot group then keeps about FOLD_EVERY rows per writing session between
     * compactions, not one per statement, so reading it stays short. Under REPEATABLE READ or SERIALIZABLE a fold could delete a row a
     * compaction deleted after the transaction's snapshot, which fails the writer's transaction: there each delta goes
     * to the slot of its transaction and stays until a compaction.
     */
    private String function() {
        String sumOf = counter.sums() ? ", sum(" + value() + ") AS " + SUM : "";
        String negSumOf = counter.sums() ? ", -sum(" + value() + ") AS " + SUM : "";
        String cols = groups.list();
        String inserted = "SELECT " + cols + ", count(*) AS " + COUNT + sumOf + " FROM " + rows(NEW_ROWS) + where()
                + " GROUP BY " + cols;
        String deleted = "SELECT " + cols + ", -count(*) AS " + COUNT + negSumOf + " FROM " + rows(OLD_ROWS) + where()
                + " GROUP BY " + cols;
        String updated = "SELECT " + cols + ", sum(" + COUNT + ") AS " + COUNT
                + (counter.sums() ? ", sum(" + SUM + ") AS " + SUM : "") + " FROM (SELECT " + cols + ", -1 AS "
                + COUNT + (counter.sums() ? ", -" + value() + " AS " + SUM : "") + " FROM " + rows(OLD_ROWS) + where()
                + " UNION ALL SELECT " + cols + ", 1" + (counter.sums() ? ", " + value() : "") + " FROM "
                + rows(NEW_ROWS)
                + where() + ") d GROUP BY " + cols + nonZero();
        String slot = "CASE WHEN current_setting('transaction_isolation') = 'read committed' THEN " + OWN
                + " ELSE txid_current() END";
        // SECURITY DEFINER: a role that may write the table records its deltas without rights on the stripes; the
        // search_path is pinned so no object of another schema can stand in for one the function names.
        return "CREATE FUNCTION " + counter.function() + "() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER"
                + " SET search_path = " + quote(counter.schema()) + ", pg_temp AS $keel$\nBEGIN\n"
                + "  IF TG_OP = 'INSERT' THEN\n    " + append(inserted, slot) + ";\n"
                + "  ELSIF TG_OP = 'DELETE' THEN\n    " + append(deleted, slot) + ";\n"
                + "  ELSIF TG_OP = 'UPDATE' THEN\n    " + append(updated, slot) + ";\n"
                // TRUNCATE, not DELETE: it waits for a compaction in flight instead of missing the base rows that
                // compaction is writing.
                + "  ELSE\n    TRUNCATE " + counter.stripes() + ";\n    RETURN NULL;\n  END IF;\n"
                + "  IF txid_current() % " + FOLD_EVERY + " = 0"
                + " AND current_setting('transaction_isolation') = 'read committed'"
                // Once per transaction: a bulk load or a loop of statements in a folding transaction would
                // otherwise fold after every row or statement, rewriting the session's rows each time.
                + " AND current_setting(" + literal(foldedSetting()) + ", true) IS DISTINCT FROM txid_current()::text"
                + " THEN\n    PERFORM set_config(" + literal(foldedSetting()) + ", txid_current()::text, true);\n"
                + "    IF TG_OP = 'INSERT' THEN\n      " + fold(rows(NEW_ROWS)) + ";\n"
                + "    ELSIF TG_OP = 'DELETE' THEN\n      " + fold(rows(OLD_ROWS)) + ";\n"
                + "    ELSE\n      " + fold(rows(NEW_ROWS)) + ";\n      " + fold(rows(OLD_ROWS)) + ";\n    END IF;\n"
                + "  END IF;\n  RETURN NULL;\nEND\n$keel$";
    }

    /** The transaction-local setting that marks this counter folded in the transaction: keel.folded_ and a hash. */
    String foldedSetting() {
        return "keel.folded_" + Integer.toHexString(counter.qualifiedName().hashCode());
    }

    private String append(String deltas, String slot) {
        return "INSERT INTO " + counter.stripes() + " (" + groups.list() + ", " + SLOT + ", " + COUNT
                + (counter.sums() ? ", " + SUM : "") + ") SELECT " + groups.list() + ", " + slot + ", " + COUNT
                + (counter.sums() ? ", " + SUM : "") + " FROM (" + deltas + ") d";
    }

    /**
     * Replaces the session's own rows of the groups in {@code rows} by one row per group holding their sum. Only rows
     * it can lock at once (SKIP LOCKED): a row a compaction is folding is left to it. Groups with a NULL column are
     * matched with {@code =}, so never folded here; compaction folds them.
     */
    String fold(String rows) {
        String cols = groups.list();
        String stripes = counter.stripes();
        String mine = " WHERE x." + SLOT + " = " + OWN + " AND (" + groups.list("x") + ") IN (SELECT " + cols + " FROM "
                + rows + ")";
        return "WITH gone AS (DELETE FROM " + stripes + " AS x" + mine + " AND x.ctid IN (SELECT x.ctid FROM "
                + stripes + " AS x" + mine + " FOR UPDATE SKIP LOCKED) RETURNING " + carriedOf("x") + ")"
                + " INSERT INTO " + stripes + " (" + cols + ", " + SLOT + ", " + COUNT
                + (counter.sums() ? ", " + SUM : "") + ") SELECT " + cols + ", " + OWN + ", sum(" + COUNT + ")"
                + (counter.sums() ? ", sum(" + SUM + ")" : "") + " FROM gone GROUP BY " + cols + nonZero();
    }

    /**
     * Statement triggers with transition tables: one delta insert per statement, however many rows it writes. Per
     * row, plain row triggers, and TRUNCATE (a statement trigger always) counts only a TRUNCATE of the table itself.
     */
    private String triggers() {
        String on = " ON " + counter.source();
        String run = " FOR EACH STATEMENT EXECUTE FUNCTION " + counter.function() + "()";
        if (perRow) {
            String each = " FOR EACH ROW EXECUTE FUNCTION " + counter.function() + "()";
            return "CREATE TRIGGER " + quote(counter.trigger("insert")) + " AFTER INSERT" + on + each
                    + "; CREATE TRIGGER " + quote(counter.trigger("update")) + " AFTER UPDATE" + on + each
                    + "; CREATE TRIGGER " + quote(counter.trigger("delete")) + " AFTER DELETE" + on + each
                    + "; CREATE TRIGGER " + quote(counter.trigger("truncate")) + " AFTER TRUNCATE" + on + run;
        }
        return "CREATE TRIGGER " + quote(counter.trigger("insert")) + " AFTER INSERT" + on
                + " REFERENCING NEW TABLE AS "
                + NEW_ROWS + run + "; CREATE TRIGGER " + quote(counter.trigger("update")) + " AFTER UPDATE" + on
                + " REFERENCING OLD TABLE AS " + OLD_ROWS + " NEW TABLE AS " + NEW_ROWS + run + "; CREATE TRIGGER "
                + quote(counter.trigger("delete")) + " AFTER DELETE" + on + " REFERENCING OLD TABLE AS " + OLD_ROWS
                + run + "; CREATE TRIGGER " + quote(counter.trigger("truncate")) + " AFTER TRUNCATE" + on + run;
    }

    /** Quals on the group columns push down below the GROUP BY, so a group's read uses the index on the stripes. */
    private String view() {
        return "CREATE VIEW " + counter.view() + " AS SELECT " + groups.list() + ", sum(" + COUNT
                + ")::bigint AS count" + (counter.sums() ? ", sum(" + SUM + ")::" + counter.sumType() + " AS sum" : "")
                + " FROM " + counter.stripes() + " GROUP BY " + groups.list() + " HAVING sum(" + COUNT + ") <> 0; "
                + SqlResources.load(
                        CounterSql.class,
                        "counter-grants.sql",
                        Map.of("table", literal(counter.source()), "view", literal(counter.view())));
    }

    /**
     * Sets the base rows to the true aggregate minus the deltas already visible, in one statement and only while the
     * counter is initialising (so a resumed start adds nothing twice). The trigger was committed before: rows written
     * since either committed before this statement's snapshot, and are in the aggregate and in the deltas subtracted,
     * or after it, and are in neither.
     */
    public String initialise(String registry) {
        String cols = groups.list();
        return "WITH ready AS (UPDATE " + registry + " SET state = " + literal(ProjectionCatalog.READY)
                + ", updated_on = now() WHERE schema_name = " + literal(counter.schema()) + " AND name = "
                + literal(counter.name()) + " AND state = " + literal(ProjectionCatalog.INITIALISING)
                + " RETURNING 1) INSERT INTO " + counter.stripes() + " (" + cols + ", " + SLOT + ", " + COUNT
                + (counter.sums() ? ", " + SUM : "") + ") SELECT " + cols + ", 0, sum(" + COUNT + ")"
                + (counter.sums() ? ", sum(" + SUM + ")" : "") + " FROM (" + aggregate(null) + " UNION ALL "
                + stripeTotals("x." + SLOT + " <> 0", true) + ") d WHERE EXISTS (SELECT 1 FROM ready) GROUP BY "
                + cols + nonZero();
    }

    /**
     * Records, as deltas of this transaction, the rows of {@code relation} entering the table ({@code leaving} false) or
     * leaving it (true) where no trigger of the counter sees them: a partition detached, or rows moved into a partition
     * before it is attached. Run in the transaction that moves them, with the relation locked against writes.
     */
    public String deltasOf(String relation, boolean leaving) {
        String sign = leaving ? "-" : "";
        String cols = groups.list();
        return "INSERT INTO " + counter.stripes() + " (" + cols + ", " + SLOT + ", " + COUNT
                + (counter.sums() ? ", " + SUM : "") + ") SELECT " + cols + ", txid_current(), " + sign + "count(*)"
                + (counter.sums() ? ", " + sign + "sum(" + value() + ")" : "") + " FROM " + relation + " AS t" + where()
                + " GROUP BY " + cols;
    }

    private String nonZero() {
        return " HAVING sum(" + COUNT + ") <> 0" + (counter.sums() ? " OR sum(" + SUM + ") <> 0" : "");
    }

    /** What rollback removes: the view, the triggers (with their function), the stripes and the registry row. */
    public List<String> drop(String registry) {
        return List.of(
                "DROP VIEW IF EXISTS " + counter.view(),
                "DROP FUNCTION IF EXISTS " + counter.function() + "() CASCADE",
                "DROP TABLE IF EXISTS " + counter.stripes(),
                ProjectionCatalog.createSql(registry) + "; " + ProjectionCatalog.deleteSql(registry, counter));
    }

    /**
     * Folds the committed deltas into the base rows in one statement. It takes only the delta rows no transaction
     * holds (SKIP LOCKED), so it waits on no writer: a delta row a writing transaction still holds, or inserted and
     * has not committed, stays for the next compaction. Base rows are written only by compaction and repair, which hold the counter's advisory lock.
     *
     * <p>Returns one row: the deltas folded and the groups whose base row was written.
     */
    public String compact(String registry) {
        String cols = groups.list();
        String carried = cols + ", " + COUNT + (counter.sums() ? ", " + SUM : "");
        String stripes = counter.stripes();
        // Only rows it could lock: a session's own row, held by its open transaction, stays for the next compaction.
        return "WITH moved AS (DELETE FROM " + stripes + " WHERE " + SLOT + " <> 0 AND " + ready(registry)
                + " AND ctid IN (SELECT ctid FROM " + stripes + " WHERE " + SLOT + " <> 0 FOR UPDATE SKIP LOCKED)"
                + " RETURNING " + carried + "),"
                + " folded AS (SELECT " + cols + ", sum(" + COUNT + ") AS " + COUNT
                + (counter.sums() ? ", sum(" + SUM + ") AS " + SUM : "") + " FROM moved GROUP BY " + cols + "),"
                + " base AS (DELETE FROM " + stripes + " AS b USING folded AS f WHERE b." + SLOT + " = 0 AND "
                + groups.equal("b", "f") + " RETURNING " + carriedOf("b") + "),"
                + " base_null AS (DELETE FROM " + stripes + " AS b WHERE b." + SLOT + " = 0 AND " + groups.anyNull("b")
                + " AND EXISTS (SELECT 1 FROM folded AS f WHERE " + groups.same("f", "b") + ") RETURNING "
                + carriedOf("b") + "),"
                + " written AS (INSERT INTO " + stripes + " (" + cols + ", " + SLOT + ", " + COUNT
                + (counter.sums() ? ", " + SUM : "") + ") SELECT " + cols + ", 0, sum(" + COUNT + ")"
                + (counter.sums() ? ", sum(" + SUM + ")" : "") + " FROM (SELECT * FROM folded UNION ALL SELECT * FROM"
                + " base UNION ALL SELECT * FROM base_null) x GROUP BY " + cols + nonZero() + " RETURNING 1)"
                + " SELECT (SELECT count(*) FROM moved), (SELECT count(*) FROM written)";
    }

    /**
     * Whether the base rows are written, read in the statement's own snapshot: base rows written before them (by a
     * compaction or a repair that read the state earlier) would be counted twice.
     */
    private String ready(String registry) {
        return "EXISTS (SELECT 1 FROM " + registry + " WHERE schema_name = " + literal(counter.schema())
                + " AND name = " + literal(counter.name()) + " AND state = " + literal(ProjectionCatalog.READY) + ")";
    }

    private String carriedOf(String alias) {
        return groups.list(alias) + ", " + alias + "." + COUNT + (counter.sums() ? ", " + alias + "." + SUM : "");
    }

    /**
     * Each group whose stripes differ from the true aggregate: (group…, true count, counter count[, true sum, counter
     * sum]) as text. With {@code sample} only that many groups, picked at random from the stripes, are compared; with
     * {@code repair} the same statement adds each difference as a base row.
     */
    public String compare(Integer sample, boolean repair, String registry) {
        String cols = groups.list();
        String picked = "";
        String truth;
        String stripes;
        if (sample == null) {
            truth = aggregate(null);
            stripes = stripeTotals(null, false);
        } else {
            picked = "picked AS MATERIALIZED (SELECT " + cols + " FROM (SELECT " + cols + " FROM " + counter.stripes()
                    + " GROUP BY " + cols + ") g ORDER BY random() LIMIT " + sample + "), ";
            // Two parts, so the groups without NULL are found with = (an index on the table serves them).
            truth = aggregate("(" + cols + ") IN (SELECT " + cols + " FROM picked)") + " UNION ALL "
                    + aggregate(groups.anyNull("t") + " AND EXISTS (SELECT 1 FROM picked AS p WHERE "
                            + groups.same("p", "t") + ")");
            stripes = stripeTotals(
                    "((" + groups.list("x") + ") IN (SELECT " + cols + " FROM picked) OR (" + groups.anyNull("x")
                            + " AND EXISTS (SELECT 1 FROM picked AS p WHERE " + groups.same("p", "x") + ")))",
                    false);
        }
        String compared = picked + "compared AS (SELECT " + cols + ", sum(true_count) AS true_count, sum(" + COUNT
                + ") AS " + COUNT + (counter.sums() ? ", sum(true_sum) AS true_sum, sum(" + SUM + ") AS " + SUM : "")
                + " FROM (SELECT " + cols + ", " + COUNT + " AS true_count, 0 AS " + COUNT
                + (counter.sums() ? ", " + SUM + " AS true_sum, 0 AS " + SUM : "") + " FROM (" + truth + ") a"
                + " UNION ALL SELECT " + cols + ", 0, " + COUNT + (counter.sums() ? ", 0, " + SUM : "") + " FROM ("
                + stripes + ") s) d GROUP BY " + cols + " HAVING sum(true_count) <> sum(" + COUNT + ")"
                + (counter.sums() ? " OR sum(true_sum) <> sum(" + SUM + ")" : "") + ")";
        String report = " SELECT " + textList() + ", true_count::text, " + COUNT + "::text"
                + (counter.sums() ? ", true_sum::text, " + SUM + "::text" : "") + " FROM compared";
        if (!repair) {
            return "WITH " + compared + report;
        }
        return "WITH " + compared + ", repaired AS (INSERT INTO " + counter.stripes() + " (" + cols + ", " + SLOT
                + ", " + COUNT + (counter.sums() ? ", " + SUM : "") + ") SELECT " + cols + ", 0, true_count - " + COUNT
                + (counter.sums() ? ", true_sum - " + SUM : "") + " FROM compared WHERE " + ready(registry) + ")"
                + report;
    }

    private String textList() {
        return String.join(
                ", ", groups.names().stream().map(n -> quote(n) + "::text").toList());
    }
}
