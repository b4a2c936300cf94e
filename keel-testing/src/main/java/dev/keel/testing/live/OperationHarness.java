package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.Random;

/**
 * The two runs every zero-downtime operation must survive, under live load from the application's
 * old and new versions: start → backfill → complete, and start → backfill → rollback. Each run
 * asserts 0 failed application statements, the same data through both versions once the backfill is
 * done, and no application statement waiting for a lock longer than lock_timeout plus a margin.
 *
 * <p>The old side runs from the beginning; the new side is launched once start has created its
 * schema. Before complete the old side is retired (complete removes its shape), before rollback the
 * new side (rollback removes its schema).
 *
 * <p>Without load, the harness drives the engine's verbs one at a time ({@link #verbs}, then {@link #start},
 * {@link #rollback}, {@link #complete}), so a test can write through either version and read the shapes between
 * them; after each verb the harness checks what the verb must have removed. The verbs are the engine's: this
 * module knows no engine, the module under test brings it.
 */
public final class OperationHarness {
    /** Keel's default lock_timeout for DDL. */
    public static final Duration LOCK_TIMEOUT = Duration.ofMillis(300);
    /** What a waiting statement may lose beyond lock_timeout: sampling, scheduling, and the DDL's own brief hold. */
    public static final Duration MARGIN = Duration.ofMillis(700);

    private final String url;
    private final Random random;
    private Side oldSide;
    private Side newSide;
    private long existingRows = 1;
    private Map<String, String> compareQueries;
    private Duration lockWaitLimit = LOCK_TIMEOUT.plus(MARGIN);
    private String oldSchema;
    private String newSchema;
    private ChangeStep startVerb;
    private ChangeStep rollbackVerb;
    private ChangeStep completeVerb;

    private OperationHarness(String url, Random random) {
        this.url = url;
        this.random = random;
    }

    public static OperationHarness on(String jdbcUrl, Random random) {
        return new OperationHarness(jdbcUrl, random);
    }

    /** For verbs run one at a time, without load (which is what needs the seeded Random). */
    public static OperationHarness on(String jdbcUrl) {
        return new OperationHarness(jdbcUrl, null);
    }

    /** The application version before the change; its side must be named "old". */
    public OperationHarness oldSide(Side side) {
        this.oldSide = named(side, "old");
        return this;
    }

    /** The application version after the change; its side must be named "new". */
    public OperationHarness newSide(Side side) {
        this.newSide = named(side, "new");
        return this;
    }

    public OperationHarness existingRows(long count) {
        this.existingRows = count;
        return this;
    }

    /** The same query text through both versions (usually {@code select * from t order by key}). */
    public OperationHarness compare(String query) {
        this.compareQueries = Map.of("old", query, "new", query);
        return this;
    }

    public OperationHarness compare(String oldQuery, String newQuery) {
        this.compareQueries = Map.of("old", oldQuery, "new", newQuery);
        return this;
    }

    /** lock_timeout plus margin (default 300 + 700 ms), for an operation that runs with another lock_timeout. */
    public OperationHarness lockWaitLimit(Duration limit) {
        this.lockWaitLimit = limit;
        return this;
    }

    public LiveLoadReport startThenComplete(ChangeStep start, ChangeStep backfill, ChangeStep complete) {
        LiveLoadReport report = load().step("start", start)
                .launch("new")
                .step("backfill", backfill)
                .compare(compareQueries)
                .retire("old")
                .step("complete", complete)
                .run();
        report.assertZeroDowntime(lockWaitLimit);
        return report;
    }

    public LiveLoadReport startThenRollback(ChangeStep start, ChangeStep backfill, ChangeStep rollback) {
        LiveLoadReport report = load().step("start", start)
                .launch("new")
                .step("backfill", backfill)
                .compare(compareQueries)
                .retire("new")
                .step("rollback", rollback)
                .run();
        report.assertZeroDowntime(lockWaitLimit);
        return report;
    }

    /**
     * The schemas that present the two versions: rollback must leave no {@code newSchema}, complete no
     * {@code oldSchema}. Writes through the new version run with {@code newSchema} as their search_path.
     */
    public OperationHarness versions(String oldSchema, String newSchema) {
        this.oldSchema = oldSchema;
        this.newSchema = newSchema;
        return this;
    }

    /** The engine's verbs for runs without load; each may assert what the engine itself reports. */
    public OperationHarness verbs(ChangeStep start, ChangeStep rollback, ChangeStep complete) {
        this.startVerb = start;
        this.rollbackVerb = rollback;
        this.completeVerb = complete;
        return this;
    }

    public OperationHarness start() {
        run(startVerb);
        return this;
    }

    /** Rolls back; the new version's schema is gone. */
    public OperationHarness rollback() {
        run(rollbackVerb);
        assertThat(query("select count(*) from pg_namespace where nspname = '" + newSchema + "'"))
                .isEqualTo("0");
        return this;
    }

    /** Completes; the old version's schema is gone and no shadow column is left on a table. */
    public OperationHarness complete() {
        run(completeVerb);
        assertThat(query("select count(*) from pg_namespace where nspname = '" + oldSchema + "'"))
                .isEqualTo("0");
        assertThat(query("select count(*) from pg_attribute where attname like '\\_keel%' and not attisdropped"
                        + " and attrelid in (select oid from pg_class where relnamespace = 'public'::regnamespace"
                        // An index keeps the names its columns had when it was built (PostgreSQL renames a table's
                        // column, not the index's); what a copied index is called inside is no shadow of the table.
                        + " and relkind in ('r', 'p'))"))
                .as("no shadow column is left")
                .isEqualTo("0");
        return this;
    }

    /** Through the old version: the tables themselves, as an application without a search_path sees them. */
    public void old(String sql) {
        execute(sql);
    }

    /** Through the new version, as an application whose currentSchema is the new version's schema. */
    public void next(String sql) {
        execute("set search_path = " + newSchema + "; " + sql);
    }

    /** The first column of the first row, as text; null when there is no row. */
    public String query(String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The columns of a table in the public schema, in order. */
    public String columns(String table) {
        return query("select string_agg(attname, ',' order by attnum) from pg_attribute where attrelid = 'public."
                + table + "'::regclass and attnum > 0 and not attisdropped");
    }

    public String viewColumns(String schema, String view) {
        return query("select string_agg(attname, ',' order by attnum) from pg_attribute where attrelid = '" + schema
                + "." + view + "'::regclass and attnum > 0");
    }

    private void run(ChangeStep verb) {
        if (verb == null || oldSchema == null || newSchema == null) {
            throw new IllegalStateException("the harness needs the engine's verbs and the versions' schemas");
        }
        try {
            verb.run();
        } catch (RuntimeException | Error e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("the change step failed: " + e.getMessage(), e);
        }
    }

    private void execute(String sql) {
        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private LiveLoad load() {
        if (oldSide == null || newSide == null || compareQueries == null) {
            throw new IllegalStateException("the harness needs an old side, a new side and a comparison query");
        }
        if (random == null) {
            throw new IllegalStateException("a run under load needs a seeded Random: OperationHarness.on(url, random)");
        }
        return LiveLoad.against(url, random)
                .existingRows(existingRows)
                .side(oldSide)
                .side(newSide);
    }

    private static Side named(Side side, String name) {
        if (!side.name().equals(name)) {
            throw new IllegalArgumentException("this side must be named " + name + ", not " + side.name());
        }
        return side;
    }
}
