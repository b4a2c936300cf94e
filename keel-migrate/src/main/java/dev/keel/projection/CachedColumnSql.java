package dev.keel.projection;

import static dev.keel.sql.Identifiers.quote;

import java.util.List;

/**
 * The triggers that keep a cached column right on both sides. On the copying table, a row's value is read from the
 * referenced row under FOR SHARE: a concurrent change of that row then waits for the writer (or the writer for it), so
 * the change's own trigger, which rewrites the copies, sees the new row; without the lock, a copy written while the
 * referenced value changes could keep the old value for ever. On the referenced table, a change of the copied column
 * or the key, an insert and a delete rewrite the copies of the rows that point at it.
 *
 * <p>An update that changes neither the key nor the copy takes no lock: the row's copy is already right, and the lock
 * would deadlock a transaction that holds the row (SELECT … FOR UPDATE, an earlier update) with a concurrent change of
 * the referenced row, whose trigger waits for that same row.
 */
public final class CachedColumnSql {
    /** The longest of the trigger names, which must fit PostgreSQL's 63 bytes. */
    public static final String SPREAD_UPDATE = "spread_update";

    private CachedColumnSql() {}

    /** Start, inside the change's transaction: the column (NULL everywhere, a catalog change) and both triggers. */
    public static List<String> create(CachedColumnDefinition d) {
        String column = quote(d.column());
        String key = quote(d.key());
        String fromKey = quote(d.fromKey());
        String fromColumn = quote(d.fromColumn());
        // As the owner, with a pinned search_path: the application's role may write one table without any right on
        // the other (FOR SHARE needs UPDATE on the referenced table; rewriting the copies needs UPDATE on this one).
        String definer = " SECURITY DEFINER SET search_path = pg_catalog, pg_temp";
        String copy = "CREATE FUNCTION " + d.function("copy") + "() RETURNS trigger LANGUAGE plpgsql" + definer
                + " AS $keel$ BEGIN"
                + " IF TG_OP = 'UPDATE' AND NEW." + key + " IS NOT DISTINCT FROM OLD." + key + " AND NEW." + column
                + " IS NOT DISTINCT FROM OLD." + column + " THEN RETURN NEW; END IF;"
                + " IF NEW." + key + " IS NULL THEN NEW." + column + " := NULL;"
                + " ELSE SELECT s." + fromColumn + " INTO NEW." + column + " FROM " + d.source() + " s WHERE s."
                + fromKey + " = NEW." + key + " FOR SHARE; IF NOT FOUND THEN NEW." + column + " := NULL; END IF;"
                + " END IF; RETURN NEW; END $keel$";
        String spread = "CREATE FUNCTION " + d.function("spread") + "() RETURNS trigger LANGUAGE plpgsql" + definer
                + " AS $keel$"
                + " BEGIN"
                + " IF TG_OP IN ('UPDATE', 'DELETE') THEN UPDATE " + d.target() + " t SET " + column
                + " = NULL WHERE t."
                + key + " = OLD." + fromKey + " AND t." + column + " IS NOT NULL"
                + " AND (TG_OP = 'DELETE' OR OLD." + fromKey + " IS DISTINCT FROM NEW." + fromKey + "); END IF;"
                + " IF TG_OP IN ('INSERT', 'UPDATE') THEN UPDATE " + d.target() + " t SET " + column + " = NEW."
                + fromColumn + " WHERE t." + key + " = NEW." + fromKey + " AND t." + column + " IS DISTINCT FROM NEW."
                + fromColumn + "; END IF;"
                + " RETURN NULL; END $keel$";
        return List.of(
                "ALTER TABLE " + d.target() + " ADD COLUMN " + column + " " + d.columnType(),
                copy,
                "CREATE TRIGGER " + quote(d.trigger("copy")) + " BEFORE INSERT OR UPDATE OF " + key + ", " + column
                        + " ON " + d.target() + " FOR EACH ROW EXECUTE FUNCTION " + d.function("copy") + "()",
                spread,
                "CREATE TRIGGER " + quote(d.trigger("spread")) + " AFTER INSERT OR DELETE ON " + d.source()
                        + " FOR EACH ROW EXECUTE FUNCTION " + d.function("spread") + "()",
                // An ORM that writes every column on save names the copied column in each update of the row: the
                // WHEN clause keeps the copies' index out of those that change neither value.
                "CREATE TRIGGER " + quote(d.trigger(SPREAD_UPDATE)) + " AFTER UPDATE OF " + fromKey + ", " + fromColumn
                        + " ON " + d.source() + " FOR EACH ROW WHEN (OLD." + fromKey + " IS DISTINCT FROM NEW."
                        + fromKey + " OR OLD." + fromColumn + " IS DISTINCT FROM NEW." + fromColumn
                        + ") EXECUTE FUNCTION " + d.function("spread") + "()");
    }

    /** Rollback: the triggers, then the column. */
    public static List<String> drop(CachedColumnDefinition d) {
        return List.of(
                "DROP FUNCTION IF EXISTS " + d.function("spread") + "() CASCADE",
                "DROP FUNCTION IF EXISTS " + d.function("copy") + "() CASCADE",
                "ALTER TABLE " + d.target() + " DROP COLUMN IF EXISTS " + quote(d.column()));
    }

    /**
     * The rows whose copy differs from the truth, up to {@code ?}: each with its key and both values as text. Reads one
     * snapshot; a row changed meanwhile is judged again by repair.
     */
    public static String drifted(CachedColumnDefinition d) {
        return "SELECT t." + quote(d.keyOf()) + "::text, t." + quote(d.column()) + "::text, " + d.truth("t")
                + "::text FROM " + d.target() + " t WHERE t." + quote(d.column()) + " IS DISTINCT FROM " + d.truth("t")
                + " LIMIT ?";
    }

    /**
     * Repairs drift by writing the drifted rows' copies: as the copy changes, the copy trigger recomputes it under FOR
     * SHARE with a fresh snapshot, so a value that changes during the repair is never overwritten with an older one.
     */
    public static String repair(CachedColumnDefinition d) {
        return "UPDATE " + d.target() + " t SET " + quote(d.column()) + " = " + d.truth("t") + " WHERE t."
                + quote(d.column()) + " IS DISTINCT FROM " + d.truth("t");
    }
}
