package dev.keel.migrate;

import dev.keel.check.Finding;
import dev.keel.check.Severity;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import dev.keel.sql.SqlStatement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * Asks PostgreSQL what the pending migrations really do: a shadow database at the schema state
 * before them (the applied history replayed), then each pending statement run on it, watching
 * which locks it takes, which relations it rewrites (their storage file changes) and which tables
 * it reads in full. A lock that blocks writes on a table above the row limit is an error, whether or
 * not a static rule saw it. The shadow is dropped afterwards, also after a failure.
 */
public final class ShadowAnalysis {
    public static final String RULE = "shadow-blocking-lock";
    public static final String FAILED_RULE = "shadow-statement-failed";
    /** The lock modes that block writes, weakest first. */
    private static final List<String> BLOCKING = List.of("ShareLock", "ShareRowExclusiveLock", "ExclusiveLock", "AccessExclusiveLock");

    private final ConnectionSource target;
    private final ConnectionSource scratch;
    private final Function<String, ConnectionSource> shadowDatabase;
    private final MigrationSettings settings;
    private final long rowLimit;

    /**
     * @param scratch a connection to the server that hosts the shadow (its maintenance database)
     * @param shadowDatabase connections to a database of that server, by name
     * @param rowLimit a blocking lock on a table with more estimated rows on the target is an error
     */
    public ShadowAnalysis(ConnectionSource target, ConnectionSource scratch, Function<String, ConnectionSource> shadowDatabase,
                          MigrationSettings settings, long rowLimit) {
        this.target = target;
        this.scratch = scratch;
        this.shadowDatabase = shadowDatabase;
        this.settings = settings;
        this.rowLimit = rowLimit;
    }

    public List<Finding> run() {
        List<MigrationScript> scripts = settings.resolver().resolve();
        MigrationPlan plan;
        Map<String, Long> targetRows = new HashMap<>();
        try (Connection c = target.open()) {
            plan = MigrationPlan.of(scripts, settings.history().read(c), true, null);
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlResources.load(ShadowAnalysis.class, "target-rows.sql"))) {
                while (rs.next()) {
                    targetRows.put(rs.getString(1), rs.getLong(2));
                }
            }
        } catch (SQLException e) {
            throw new KeelException(ExitCode.OPERATION, "reading " + target.describe() + " for the shadow analysis failed: " + e.getMessage(),
                    "check the connection and the user's rights", e);
        }
        if (plan.pending().isEmpty()) {
            return List.of();
        }
        String name = "keel_shadow_" + Long.toHexString(ThreadLocalRandom.current().nextLong() & Long.MAX_VALUE);
        execute(scratch, "CREATE DATABASE " + Identifiers.quote(name));
        try {
            ConnectionSource shadow = shadowDatabase.apply(name);
            if (plan.current() != null) {
                Migrate.run(shadow, settings, new MigrateOptions(plan.current(), false, true, true), MigrationListener.SILENT);
            }
            return observe(shadow, plan.pending(), targetRows);
        } finally {
            execute(scratch, "DROP DATABASE IF EXISTS " + Identifiers.quote(name) + " WITH (FORCE)");
        }
    }

    private List<Finding> observe(ConnectionSource shadow, List<MigrationScript> pending, Map<String, Long> targetRows) {
        List<Finding> findings = new ArrayList<>();
        try (Connection c = shadow.open()) {
            Set<Long> existing = relations(c).keySet();
            for (MigrationScript script : pending) {
                MigrationExecutor.PreparedScript prepared = MigrationExecutor.prepare(script);
                c.setAutoCommit(!prepared.transactional());
                try {
                    for (SqlStatement statement : prepared.statements()) {
                        Finding f = observe(c, script, statement, existing, targetRows);
                        if (f != null) {
                            findings.add(f);
                        }
                    }
                    if (prepared.transactional()) {
                        c.commit();
                    }
                } catch (StatementFailed failed) {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                    findings.add(failed.finding);
                    return findings;
                } finally {
                    c.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new KeelException(ExitCode.OPERATION, "the shadow analysis failed: " + e.getMessage(), "run keel check without --shadow", e);
        }
        return findings;
    }

    private Finding observe(Connection c, MigrationScript script, SqlStatement statement, Set<Long> existing, Map<String, Long> targetRows)
            throws SQLException {
        Map<Long, Relation> before = relations(c);
        Set<String> locksBefore = locks(c);
        long start = System.nanoTime();
        try (Statement s = c.createStatement()) {
            s.execute(statement.sql());
        } catch (SQLException e) {
            throw new StatementFailed(new Finding(FAILED_RULE, Severity.ERROR, script.script(), statement.line(), statement.column(),
                    "on the shadow database this statement failed: " + e.getMessage().lines().findFirst().orElse(""),
                    "fix the statement; the shadow holds the schema the applied migrations built", "shadow", statement.excerpt()));
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        Map<Long, Relation> after = relations(c);
        Set<String> taken = new LinkedHashSet<>(c.getAutoCommit() ? Set.of() : locks(c));
        taken.removeAll(locksBefore);

        List<String> rewritten = new ArrayList<>();
        List<String> scanned = new ArrayList<>();
        for (Map.Entry<Long, Relation> e : before.entrySet()) {
            Relation now = after.get(e.getKey());
            if (now == null || !existing.contains(e.getKey())) {
                continue;
            }
            if (now.fileNode != e.getValue().fileNode) {
                rewritten.add(now.name);
            }
            if (now.seqScans > e.getValue().seqScans && now.kind.equals("r")) {
                scanned.add(now.name);
            }
        }
        Map<String, String> strongest = new java.util.TreeMap<>();
        for (String lock : taken) {
            int colon = lock.lastIndexOf(':');
            String relation = lock.substring(0, colon);
            String mode = lock.substring(colon + 1);
            String table = relation.contains(".") ? relation.substring(relation.lastIndexOf('.') + 1) : relation;
            Relation r = after.values().stream().filter(x -> x.name.equals(table)).findFirst().orElse(null);
            if (!BLOCKING.contains(mode) || r == null || !r.kind.equals("r") && !r.kind.equals("p") || !existing.contains(r.oid)) {
                continue;
            }
            strongest.merge(relation, mode, (a, b) -> BLOCKING.indexOf(a) >= BLOCKING.indexOf(b) ? a : b);
        }
        List<String> blocking = new ArrayList<>();
        long biggest = -1;
        for (Map.Entry<String, String> e : strongest.entrySet()) {
            String relation = e.getKey();
            String table = relation.contains(".") ? relation.substring(relation.lastIndexOf('.') + 1) : relation;
            long rows = targetRows.getOrDefault(table, 0L);
            biggest = Math.max(biggest, rows);
            blocking.add(readable(e.getValue()) + " on " + relation + " (~" + rows + " rows on the target)");
        }
        rewritten.sort(null);
        if (blocking.isEmpty() && rewritten.isEmpty()) {
            return null;
        }
        StringBuilder message = new StringBuilder("on the shadow database this statement ");
        if (!blocking.isEmpty()) {
            message.append("takes ").append(String.join(", ", blocking));
        }
        if (!rewritten.isEmpty()) {
            message.append(blocking.isEmpty() ? "" : " and ").append("rewrites ").append(String.join(", ", rewritten));
        } else if (!scanned.isEmpty()) {
            message.append(" and reads all of ").append(String.join(", ", scanned));
        }
        message.append(" (").append(millis).append(" ms on the shadow)");
        Severity severity = biggest >= rowLimit ? Severity.ERROR : Severity.WARNING;
        return new Finding(RULE, severity, script.script(), statement.line(), statement.column(), message.toString(),
                severity == Severity.ERROR ? "writes to a table this size would wait for the whole statement: use the safe form"
                        + " from the static finding, or run it in a maintenance window and waive with -- keel:allow " + RULE + " <reason>"
                        : "fine at this table's size today; it grows", "shadow", statement.excerpt());
    }

    private static String readable(String mode) {
        return mode.replace("Lock", "").replaceAll("([a-z])([A-Z])", "$1 $2").toUpperCase(Locale.ROOT);
    }

    private record Relation(long oid, String name, String kind, long fileNode, long seqScans) {
    }

    private static Map<Long, Relation> relations(Connection c) throws SQLException {
        Map<Long, Relation> relations = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlResources.load(ShadowAnalysis.class, "shadow-relations.sql"))) {
            while (rs.next()) {
                relations.put(rs.getLong(1), new Relation(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)));
            }
        }
        return relations;
    }

    private static Set<String> locks(Connection c) throws SQLException {
        Set<String> locks = new LinkedHashSet<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(SqlResources.load(ShadowAnalysis.class, "shadow-locks.sql"))) {
            while (rs.next()) {
                locks.add(rs.getString(1) + ":" + rs.getString(2));
            }
        }
        return locks;
    }

    private static void execute(ConnectionSource source, String sql) {
        try (Connection c = source.open(); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new KeelException(ExitCode.OPERATION, "preparing the shadow database failed: " + e.getMessage(),
                    "the shadow server's user needs CREATEDB; or run keel check without --shadow", e);
        }
    }

    private static final class StatementFailed extends RuntimeException {
        private final transient Finding finding;

        StatementFailed(Finding finding) {
            super(finding.message(), null, false, false);
            this.finding = finding;
        }
    }
}
