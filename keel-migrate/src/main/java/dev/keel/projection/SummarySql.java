package dev.keel.projection;

import static dev.keel.sql.Identifiers.literal;
import static dev.keel.sql.Identifiers.quote;

import java.util.ArrayList;
import java.util.List;

/**
 * The statements that create and drop a summary's objects: its table (the query's columns, filled by refresh), an
 * index on the bucket, the table of pending ranges, and the statement triggers that record, in the writer's own
 * transaction, the range of the column each write touched. Recording in the writer's transaction is what makes the
 * refresh exact: a write and its pending range commit or vanish together.
 */
public final class SummarySql {
    /**
     * The triggers run as the summary's owner, with a pinned search_path: an application role that may write the
     * table needs no right on the pending ranges.
     */
    private static final String DEFINER = " SECURITY DEFINER SET search_path = pg_catalog, pg_temp";

    private SummarySql() {}

    /** In order; the query's names resolve in the summary's schema (the caller sets search_path). */
    public static List<String> create(SummaryDefinition d, SummaryQuery q) {
        List<String> sql = new ArrayList<>();
        sql.add("CREATE TABLE " + d.table() + " AS " + q.query() + " WITH NO DATA");
        sql.add("CREATE INDEX " + quote(d.name() + "_bucket") + " ON " + d.table() + " (" + quote(q.bucketColumn())
                + ")");
        sql.add("CREATE TABLE " + d.pending() + " (lo " + d.columnType() + ", hi " + d.columnType() + ")");
        String source = source(d, q);
        String column = quote(d.incrementalBy());
        String recent = d.lateSeconds() == null
                ? ""
                : " WHERE " + column + " >= now() - make_interval(secs => " + d.lateSeconds() + ")";
        for (String event : List.of("insert", "update", "delete")) {
            String rows = switch (event) {
                case "insert" -> "SELECT " + column + " FROM keel_new";
                case "delete" -> "SELECT " + column + " FROM keel_old";
                default -> "SELECT " + column + " FROM keel_new UNION ALL SELECT " + column + " FROM keel_old";
            };
            sql.add("CREATE FUNCTION " + d.function(event) + "() RETURNS trigger LANGUAGE plpgsql" + DEFINER
                    + " AS $keel$ BEGIN"
                    + " INSERT INTO " + d.pending() + " (lo, hi) SELECT min(" + column + "), max(" + column
                    + ") FROM (" + rows + ") AS changed" + recent + " HAVING count(" + column + ") > 0;"
                    + " RETURN NULL; END $keel$");
            String referencing = switch (event) {
                case "insert" -> "NEW TABLE AS keel_new";
                case "delete" -> "OLD TABLE AS keel_old";
                default -> "NEW TABLE AS keel_new OLD TABLE AS keel_old";
            };
            sql.add("CREATE TRIGGER " + quote(d.trigger(event)) + " AFTER " + event.toUpperCase() + " ON " + source
                    + " REFERENCING " + referencing + " FOR EACH STATEMENT EXECUTE FUNCTION " + d.function(event)
                    + "()");
        }
        sql.add("CREATE FUNCTION " + d.function("truncate") + "() RETURNS trigger LANGUAGE plpgsql" + DEFINER
                + " AS $keel$ BEGIN"
                + " INSERT INTO " + d.pending()
                + " (lo, hi) VALUES ('-infinity', 'infinity'); RETURN NULL; END $keel$");
        sql.add("CREATE TRIGGER " + quote(d.trigger("truncate")) + " AFTER TRUNCATE ON " + source
                + " FOR EACH STATEMENT EXECUTE FUNCTION " + d.function("truncate") + "()");
        // The first refresh fills every bucket; writes from now on are recorded as they commit.
        sql.add("INSERT INTO " + d.pending() + " (lo, hi) VALUES ('-infinity', 'infinity')");
        return sql;
    }

    public static List<String> drop(SummaryDefinition d) {
        List<String> sql = new ArrayList<>();
        for (String event : List.of("insert", "update", "delete", "truncate")) {
            sql.add("DROP FUNCTION IF EXISTS " + d.function(event) + "() CASCADE");
        }
        sql.add("DROP TABLE IF EXISTS " + d.pending());
        sql.add("DROP TABLE IF EXISTS " + d.table());
        return sql;
    }

    /** The summarised table, qualified with the summary's schema when the query does not name one. */
    static String source(SummaryDefinition d, SummaryQuery q) {
        return q.schema() != null
                ? quote(q.schema()) + "." + quote(q.table())
                : quote(d.schema()) + "." + quote(q.table());
    }

    static String timeZoneSetting(SummaryDefinition d) {
        return "SET LOCAL TimeZone = " + literal(d.timeZone());
    }
}
