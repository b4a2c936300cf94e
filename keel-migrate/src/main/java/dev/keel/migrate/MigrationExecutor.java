package dev.keel.migrate;

import dev.keel.config.Durations;
import dev.keel.connect.ConnectionSource;
import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.TransactionRequirement;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

/**
 * Applies one migration on the migration session. A transactional migration and its history row
 * commit together, so a killed or failed run leaves no trace of it. A migration that cannot run in
 * a transaction runs statement by statement; its failure is recorded so nobody builds on it unknowingly.
 * A statement that times out waiting for a lock is retried with jittered backoff.
 */
final class MigrationExecutor {
    private static final String LOCK_NOT_AVAILABLE = "55P03";

    private final Connection connection;
    private final ConnectionSource source;
    private final MigrationSettings settings;
    private final HistoryTable history;
    private final MigrationListener listener;
    private BlockerProbe probe;

    MigrationExecutor(Connection connection, ConnectionSource source, MigrationSettings settings, MigrationListener listener) {
        this.connection = connection;
        this.source = source;
        this.settings = settings;
        this.history = settings.history();
        this.listener = listener;
    }

    /** Splits and checks a script without running it: the same checks a dry run shows. */
    static PreparedScript prepare(MigrationScript script) {
        List<SqlStatement> statements;
        try {
            statements = SqlLexer.split(script.content());
        } catch (dev.keel.sql.SqlSyntaxException e) {
            throw new MigrationException(script.script() + ":" + e.line() + ":" + e.column() + ": " + e.problem(), e.todo());
        }
        if (statements.isEmpty()) {
            throw new MigrationException(script.script() + " holds no SQL statement", "write the migration or delete the empty file");
        }
        SqlStatement firstNonTx = null;
        SqlStatement firstTx = null;
        String construct = null;
        for (SqlStatement statement : statements) {
            Optional<String> forbidden = TransactionRequirement.forbiddenBy(statement);
            if (forbidden.isPresent() && firstNonTx == null) {
                firstNonTx = statement;
                construct = forbidden.get();
            } else if (forbidden.isEmpty() && firstTx == null) {
                firstTx = statement;
            }
        }
        for (SqlStatement statement : statements) {
            transactionControl(statement).ifPresent(word -> {
                throw new MigrationException(script.script() + ":" + statement.line() + ": " + word
                        + " in a migration would break the one transaction keel runs it in, and the file and its history row could part",
                        "remove it: keel runs each migration in a transaction of its own");
            });
        }
        if (firstNonTx != null && firstTx != null) {
            throw new MigrationException(script.script() + ":" + firstNonTx.line() + ": " + construct
                    + " cannot run in a transaction, so this file may hold only such statements, but line " + firstTx.line()
                    + " holds '" + firstTx.excerpt() + "'",
                    "move the statements that need no special handling into their own migration file");
        }
        ScriptDirectives directives = ScriptDirectives.of(script);
        boolean pipelinable = statements.stream().allMatch(MigrationExecutor::returnsNoRows);
        return new PreparedScript(script, statements, firstNonTx == null, construct, directives, pipelinable);
    }

    /**
     * @param pipelinable every statement returns no rows, so the whole migration can travel in one JDBC batch
     */
    record PreparedScript(MigrationScript script, List<SqlStatement> statements, boolean transactional, String nonTransactionalReason,
                          ScriptDirectives directives, boolean pipelinable) {

        /** A session-level SET or RESET (not SET LOCAL) outlives the migration's transaction. */
        boolean changesSession() {
            return statements.stream().anyMatch(st -> {
                List<String> w = st.leadingWords(2);
                return !w.isEmpty() && (w.get(0).equals("RESET") || w.get(0).equals("SET") && (w.size() < 2 || !w.get(1).equals("LOCAL")));
            });
        }
    }

    /** BEGIN, COMMIT and friends; savepoints stay allowed, they live inside keel's transaction. */
    static Optional<String> transactionControl(SqlStatement statement) {
        return TransactionRequirement.transactionControl(statement);
    }

    /** A batch refuses statements that return rows; anything that might is run on its own. */
    static boolean returnsNoRows(SqlStatement statement) {
        List<String> first = statement.leadingWords(1);
        if (first.isEmpty() || statement.containsWord("RETURNING")) {
            return false;
        }
        return switch (first.get(0)) {
            case "CREATE", "ALTER", "DROP", "INSERT", "UPDATE", "DELETE", "COMMENT", "GRANT", "REVOKE", "TRUNCATE", "DO", "SET",
                 "ANALYZE", "REFRESH", "CLUSTER", "REINDEX", "LOCK", "SECURITY", "IMPORT", "REASSIGN", "RESET", "DISCARD" -> true;
            default -> false;
        };
    }

    /** Applies the migration and returns its execution time in milliseconds. */
    long apply(PreparedScript prepared) throws SQLException {
        long millis = prepared.transactional() ? applyInTransaction(prepared) : applyWithoutTransaction(prepared);
        if (prepared.changesSession()) {
            restoreSession();
        }
        return millis;
    }

    /** A SET search_path in one migration must not steer the next one, as in Flyway. */
    private void restoreSession() throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute("RESET ALL; " + sessionTimeouts(settings) + "; SET synchronous_commit = off");
        }
    }

    private long applyInTransaction(PreparedScript prepared) throws SQLException {
        if (prepared.pipelinable() && probe == null) {
            long millis = applyPipelined(prepared);
            if (millis >= 0) {
                return millis;
            }
        }
        return applyStatementByStatement(prepared);
    }

    /**
     * The fast path: the statements and the history row go to the server in one round trip, then the
     * commit. Returns -1 after a failure, which has been rolled back: the careful path then runs the
     * migration again statement by statement, to retry lock timeouts and to point at the failing line.
     */
    private long applyPipelined(PreparedScript prepared) throws SQLException {
        long start = System.nanoTime();
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            if (hasOverrides(prepared)) {
                s.addBatch(timeouts(prepared, "SET LOCAL"));
            }
            for (SqlStatement statement : prepared.statements()) {
                s.addBatch(statement.sql());
            }
            s.addBatch(history.successRowSql(prepared.script()));
            s.executeBatch();
            connection.commit();
            return (System.nanoTime() - start) / 1_000_000;
        } catch (SQLException e) {
            connection.rollback();
            return -1;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private long applyStatementByStatement(PreparedScript prepared) throws SQLException {
        MigrationScript script = prepared.script();
        int tries = settings.lockRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            long start = System.nanoTime();
            SqlStatement current = null;
            connection.setAutoCommit(false);
            try (Statement s = connection.createStatement()) {
                if (hasOverrides(prepared)) {
                    s.execute(timeouts(prepared, "SET LOCAL"));
                }
                watchIfProbing();
                for (SqlStatement statement : prepared.statements()) {
                    current = statement;
                    s.execute(statement.sql());
                }
                current = null;
                long millis = (System.nanoTime() - start) / 1_000_000;
                history.insert(connection, script.version(), script.description(), script.type(), script.script(), script.checksum(),
                        (int) millis, true);
                connection.commit();
                return millis;
            } catch (SQLException e) {
                connection.rollback();
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && attempt < tries) {
                    backoff(script, attempt, tries, current);
                    continue;
                }
                throw failure(prepared, current, e, attempt, "the migration was rolled back; nothing of it was applied");
            } finally {
                pauseProbe();
                connection.setAutoCommit(true);
            }
        }
    }

    private long applyWithoutTransaction(PreparedScript prepared) throws SQLException {
        MigrationScript script = prepared.script();
        long start = System.nanoTime();
        connection.setAutoCommit(true);
        StatementProgress progress = new StatementProgress(history);
        progress.ensureExists(connection);
        int done = progress.done(connection, script);
        try (Statement s = connection.createStatement()) {
            if (hasOverrides(prepared)) {
                s.execute(timeouts(prepared, "SET"));
            }
            List<SqlStatement> statements = prepared.statements();
            if (done > 0) {
                listener.info(script.script() + ": skipping " + done + " of " + statements.size()
                        + " statements an interrupted run completed");
            }
            for (int i = done; i < statements.size(); i++) {
                runWithRetries(prepared, statements.get(i), s);
                progress.record(connection, script, i + 1);
            }
        } catch (MigrationFailedException e) {
            recordFailure(script, start);
            throw e;
        } finally {
            if (hasOverrides(prepared)) {
                try (Statement s = connection.createStatement()) {
                    s.execute(sessionTimeouts(settings));
                }
            }
        }
        long millis = (System.nanoTime() - start) / 1_000_000;
        history.insert(connection, script.version(), script.description(), script.type(), script.script(), script.checksum(), (int) millis, true);
        progress.clear(connection, script);
        return millis;
    }

    private void runWithRetries(PreparedScript prepared, SqlStatement statement, Statement s) throws SQLException {
        int tries = settings.lockRetries() + 1;
        for (int attempt = 1; ; attempt++) {
            InvalidIndexCleaner.clean(connection, statement).ifPresent(index -> listener.warn(
                    "dropped invalid index " + index + " left by an interrupted concurrent build, before building it again"));
            watchIfProbing();
            try {
                s.execute(statement.sql());
                return;
            } catch (SQLException e) {
                if (LOCK_NOT_AVAILABLE.equals(e.getSQLState()) && attempt < tries) {
                    backoff(prepared.script(), attempt, tries, statement);
                    continue;
                }
                throw failure(prepared, statement, e, attempt,
                        "statements before it were applied (they cannot run in a transaction); the failure is recorded, so run keel repair once the database is clean");
            } finally {
                pauseProbe();
            }
        }
    }

    private void recordFailure(MigrationScript script, long start) {
        try {
            history.insert(connection, script.version(), script.description(), script.type(), script.script(), script.checksum(),
                    (int) ((System.nanoTime() - start) / 1_000_000), false);
        } catch (SQLException e) {
            listener.warn("could not record the failure of " + script.script() + " in the history: " + e.getMessage());
        }
    }

    /**
     * The run's timeouts, set once per session: a file without its own header then costs no extra
     * round trip (500 migrations would otherwise pay 500 SETs).
     */
    static String sessionTimeouts(MigrationSettings settings) {
        return "SET lock_timeout = '" + Durations.setting(settings.lockTimeout()) + "'; SET statement_timeout = '"
                + Durations.setting(settings.statementTimeout()) + "'";
    }

    private static boolean hasOverrides(PreparedScript prepared) {
        return prepared.directives().lockTimeout().isPresent() || prepared.directives().statementTimeout().isPresent();
    }

    private String timeouts(PreparedScript prepared, String verb) {
        Duration lock = prepared.directives().lockTimeout().orElse(settings.lockTimeout());
        Duration statement = prepared.directives().statementTimeout().orElse(settings.statementTimeout());
        return verb + " lock_timeout = '" + Durations.setting(lock) + "'; " + verb + " statement_timeout = '" + Durations.setting(statement) + "'";
    }

    private void backoff(MigrationScript script, int attempt, int tries, SqlStatement statement) throws SQLException {
        if (probe == null) {
            probe = new BlockerProbe(source, backendPid());
        }
        long base = Math.min(10_000, 250L << Math.min(attempt - 1, 6));
        long wait = base / 2 + ThreadLocalRandom.current().nextLong(base / 2 + 1);
        String where = statement == null ? "" : " at line " + statement.line();
        listener.retrying(script, attempt, tries, Duration.ofMillis(wait), "lock timeout" + where);
        try {
            Thread.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SQLException("interrupted while waiting to retry", e);
        }
    }

    private void watchIfProbing() {
        if (probe != null) {
            probe.watch();
        }
    }

    private void pauseProbe() {
        if (probe != null) {
            probe.pause();
        }
    }

    private int backendPid() throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private MigrationFailedException failure(PreparedScript prepared, SqlStatement statement, SQLException e, int attempts, String aftermath) {
        String file = prepared.script().script();
        String where = file;
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            ServerErrorMessage m = p.getServerErrorMessage();
            detail = m.getMessage();
            if (statement != null) {
                int[] at = m.getPosition() > 0 ? statement.locate(m.getPosition()) : new int[] {statement.line(), statement.column()};
                where = file + ":" + at[0] + ":" + at[1];
            }
        } else if (statement != null) {
            where = file + ":" + statement.line() + ":" + statement.column();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (LOCK_NOT_AVAILABLE.equals(state)) {
            List<BlockerProbe.Blocker> blockers = probe == null ? List.of() : probe.lastSeen();
            String by = blockers.isEmpty() ? "the blocking session ended before keel could name it"
                    : "blocked by " + String.join("; ", blockers.stream().map(Object::toString).toList());
            Duration lockTimeout = prepared.directives().lockTimeout().orElse(settings.lockTimeout());
            return new MigrationFailedException(where + ": could not get a lock within " + Durations.human(lockTimeout)
                    + " in " + attempts + " tries; " + by,
                    "end or wait for the blocking sessions, then run migrate again; " + aftermath, state, e);
        }
        return new MigrationFailedException(where + ": ERROR " + state + ": " + detail,
                "fix the statement; " + aftermath, state, e);
    }

    void close() {
        if (probe != null) {
            probe.close();
        }
    }
}
