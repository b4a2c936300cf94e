package dev.keel.migrate;

import dev.keel.config.Durations;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.ddl.LockRetryPolicy;
import dev.keel.ddl.LockSafeDdl;
import dev.keel.ddl.LockWaitExhausted;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlStatement;
import dev.keel.sql.SqlSyntaxException;
import dev.keel.sql.TransactionRequirement;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLWarning;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import org.postgresql.util.PSQLException;

/**
 * Applies one migration on the migration session. A transactional migration and its history row
 * commit together, so a killed or failed run leaves no trace of it. A migration that cannot run in
 * a transaction runs statement by statement; its failure is recorded so nobody builds on it unknowingly.
 * Lock waits go through {@link LockSafeDdl}: bounded by lock_timeout, retried with jittered backoff,
 * and the blockers named when the tries run out.
 */
final class MigrationExecutor {
    private static final String QUERY_CANCELED = "57014";
    private static final String ROLLED_BACK = "the migration was rolled back; nothing of it was applied";
    private static final String PARTLY_APPLIED =
            "statements before it were applied (they cannot run in a transaction); "
                    + "the failure is recorded, so run keel repair once the database is clean";

    private final Connection connection;
    private final MigrationSettings settings;
    private final HistoryTable history;
    private final MigrationListener listener;
    private final Cancellation cancellation;
    private final LockSafeDdl ddl;
    private boolean contended;

    MigrationExecutor(
            Connection connection,
            ConnectionSource source,
            MigrationSettings settings,
            MigrationListener listener,
            Cancellation cancellation) {
        this.connection = connection;
        this.settings = settings;
        this.history = settings.history();
        this.listener = listener;
        this.cancellation = cancellation;
        this.ddl = new LockSafeDdl(connection, source, cancellation);
    }

    /** Splits and checks a script without running it: the same checks a dry run shows. */
    static PreparedScript prepare(MigrationScript script) {
        if (script.type() == MigrationType.CHANGE) {
            // A change file is YAML, planned and run by the change engine, not split into statements.
            return new PreparedScript(
                    script, List.of(), false, "a zero-downtime change", ScriptDirectives.of(script), false);
        }
        List<SqlStatement> statements;
        try {
            statements = SqlLexer.split(script.content());
        } catch (SqlSyntaxException e) {
            throw new MigrationException(
                    e.code(), script.script() + ":" + e.line() + ":" + e.column() + ": " + e.problem(), e.todo());
        }
        if (statements.isEmpty()) {
            throw new MigrationException(
                    MigrateError.FILE_EMPTY,
                    script.script() + " holds no SQL statement",
                    "write the migration or delete the empty file");
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
                throw new MigrationException(
                        MigrateError.TRANSACTION_CONTROL,
                        script.script() + ":" + statement.line() + ": " + word
                                + " in a migration would break the one transaction keel runs it in, and the file and its history row could part",
                        "remove it: keel runs each migration in a transaction of its own");
            });
        }
        if (firstNonTx != null && firstTx != null) {
            throw new MigrationException(
                    MigrateError.TRANSACTION_MIXED,
                    script.script() + ":" + firstNonTx.line() + ": " + construct
                            + " cannot run in a transaction, so this file may hold only such statements, but line "
                            + firstTx.line()
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
    record PreparedScript(
            MigrationScript script,
            List<SqlStatement> statements,
            boolean transactional,
            String nonTransactionalReason,
            ScriptDirectives directives,
            boolean pipelinable) {

        /** A session-level SET or RESET (not SET LOCAL) outlives the migration's transaction. */
        boolean changesSession() {
            return statements.stream().anyMatch(st -> {
                List<String> w = st.leadingWords(2);
                return !w.isEmpty()
                        && (w.get(0).equals("RESET")
                                || w.get(0).equals("SET")
                                        && (w.size() < 2 || !w.get(1).equals("LOCAL")));
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
            case "CREATE",
                    "ALTER",
                    "DROP",
                    "INSERT",
                    "UPDATE",
                    "DELETE",
                    "COMMENT",
                    "GRANT",
                    "REVOKE",
                    "TRUNCATE",
                    "DO",
                    "SET",
                    "ANALYZE",
                    "REFRESH",
                    "CLUSTER",
                    "REINDEX",
                    "LOCK",
                    "SECURITY",
                    "IMPORT",
                    "REASSIGN",
                    "RESET",
                    "DISCARD" -> true;
            default -> false;
        };
    }

    /** Applies the migration and returns its execution time in milliseconds. */
    long apply(PreparedScript prepared) throws SQLException {
        if (cancellation.isCancelled()) {
            throw new KeelException(
                    CoreError.INTERRUPTED,
                    "interrupted by " + cancellation.reason() + " before applying "
                            + prepared.script().script() + "; neither it nor the migrations after it were applied",
                    "run migrate again to apply them");
        }
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
        if (prepared.pipelinable() && !contended) {
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
     * A NOTICE or WARNING also sends it there: a batch cannot say which statement raised it.
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
            if (s.getWarnings() != null) {
                connection.rollback();
                return -1;
            }
            connection.commit();
            return (System.nanoTime() - start) / 1_000_000;
        } catch (SQLException e) {
            connection.rollback();
            if (cancellation.isCancelled()) {
                throw interrupted(prepared, null, e);
            }
            return -1;
        } finally {
            connection.setAutoCommit(true);
        }
    }

    private long applyStatementByStatement(PreparedScript prepared) throws SQLException {
        MigrationScript script = prepared.script();
        SqlStatement[] current = new SqlStatement[1];
        try {
            return ddl.retrying(policy(prepared), retryListener(script, () -> current[0]), () -> {
                long start = System.nanoTime();
                connection.setAutoCommit(false);
                try (Statement s = connection.createStatement()) {
                    if (hasOverrides(prepared)) {
                        s.execute(timeouts(prepared, "SET LOCAL"));
                    }
                    for (SqlStatement statement : prepared.statements()) {
                        current[0] = statement;
                        run(s, script, statement);
                    }
                    current[0] = null;
                    long millis = (System.nanoTime() - start) / 1_000_000;
                    history.insert(
                            connection,
                            script.version(),
                            script.description(),
                            script.type(),
                            script.script(),
                            script.checksum(),
                            (int) millis,
                            true);
                    connection.commit();
                    return millis;
                } catch (SQLException e) {
                    connection.rollback();
                    throw e;
                } finally {
                    connection.setAutoCommit(true);
                }
            });
        } catch (LockWaitExhausted e) {
            throw lockFailure(prepared, current[0], e, ROLLED_BACK);
        } catch (SQLException e) {
            throw failure(prepared, current[0], e, ROLLED_BACK);
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
        history.insert(
                connection,
                script.version(),
                script.description(),
                script.type(),
                script.script(),
                script.checksum(),
                (int) millis,
                true);
        progress.clear(connection, script);
        return millis;
    }

    private void runWithRetries(PreparedScript prepared, SqlStatement statement, Statement s) throws SQLException {
        try {
            ddl.retrying(policy(prepared), retryListener(prepared.script(), () -> statement), () -> {
                InvalidIndexCleaner.clean(connection, statement)
                        .ifPresent(index -> listener.warn("dropped invalid index " + index
                                + " left by an interrupted concurrent build, before building it again"));
                run(s, prepared.script(), statement);
                return null;
            });
        } catch (LockWaitExhausted e) {
            throw lockFailure(prepared, statement, e, PARTLY_APPLIED);
        } catch (SQLException e) {
            throw failure(prepared, statement, e, PARTLY_APPLIED);
        }
    }

    /** Runs one statement of the file and passes on what the server said while running it. */
    private void run(Statement s, MigrationScript script, SqlStatement statement) throws SQLException {
        if (cancellation.isCancelled()) {
            // The cancel request may have reached the server before this statement did.
            throw new SQLException("cancelled before the statement started", QUERY_CANCELED);
        }
        s.clearWarnings();
        try {
            s.execute(statement.sql());
        } finally {
            for (SQLWarning w = s.getWarnings(); w != null; w = w.getNextWarning()) {
                listener.notice(ServerNotice.of(script.script(), statement, w));
            }
        }
    }

    private LockRetryPolicy policy(PreparedScript prepared) {
        return new LockRetryPolicy(
                prepared.directives().lockTimeout().orElse(settings.lockTimeout()), settings.lockRetries());
    }

    private LockSafeDdl.RetryListener retryListener(MigrationScript script, Supplier<SqlStatement> statement) {
        return (attempt, of, wait, e) -> {
            // Once a migration waited for a lock, the next ones take the careful path, where waits are retried and
            // watched.
            contended = true;
            SqlStatement at = statement.get();
            listener.retrying(script, attempt, of, wait, "lock timeout" + (at == null ? "" : " at line " + at.line()));
        };
    }

    private void recordFailure(MigrationScript script, long start) {
        try {
            history.insert(
                    connection,
                    script.version(),
                    script.description(),
                    script.type(),
                    script.script(),
                    script.checksum(),
                    (int) ((System.nanoTime() - start) / 1_000_000),
                    false);
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
        return prepared.directives().lockTimeout().isPresent()
                || prepared.directives().statementTimeout().isPresent();
    }

    private String timeouts(PreparedScript prepared, String verb) {
        Duration lock = prepared.directives().lockTimeout().orElse(settings.lockTimeout());
        Duration statement = prepared.directives().statementTimeout().orElse(settings.statementTimeout());
        return verb + " lock_timeout = '" + Durations.setting(lock) + "'; " + verb + " statement_timeout = '"
                + Durations.setting(statement) + "'";
    }

    private static String location(PreparedScript prepared, SqlStatement statement, SQLException e) {
        String file = prepared.script().script();
        if (statement == null) {
            return file;
        }
        if (e instanceof PSQLException p
                && p.getServerErrorMessage() != null
                && p.getServerErrorMessage().getPosition() > 0) {
            int[] at = statement.locate(p.getServerErrorMessage().getPosition());
            return file + ":" + at[0] + ":" + at[1];
        }
        return file + ":" + statement.line() + ":" + statement.column();
    }

    private MigrationFailedException lockFailure(
            PreparedScript prepared, SqlStatement statement, LockWaitExhausted e, String aftermath) {
        return new MigrationFailedException(
                e.code(),
                location(prepared, statement, e.sqlException()) + ": " + e.what(),
                "end or wait for the blocking sessions, then run migrate again; " + aftermath,
                LockSafeDdl.LOCK_NOT_AVAILABLE,
                e.sqlException());
    }

    private KeelException failure(PreparedScript prepared, SqlStatement statement, SQLException e, String aftermath) {
        if (cancellation.isCancelled()) {
            return interrupted(prepared, statement, e);
        }
        String detail = e.getMessage() == null
                ? e.getClass().getSimpleName()
                : e.getMessage().lines().findFirst().orElse("");
        if (e instanceof PSQLException p && p.getServerErrorMessage() != null) {
            detail = p.getServerErrorMessage().getMessage();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return new MigrationFailedException(
                MigrateError.STATEMENT_FAILED,
                location(prepared, statement, e) + ": ERROR " + state + ": " + detail,
                "fix the statement; " + aftermath,
                state,
                e);
    }

    /** The one line a person reads after Ctrl-C: what stopped, and what the database kept of it. */
    private KeelException interrupted(PreparedScript prepared, SqlStatement statement, SQLException e) {
        String at = prepared.script().script() + (statement == null ? "" : " at line " + statement.line());
        if (prepared.transactional()) {
            return new KeelException(
                    CoreError.INTERRUPTED,
                    "interrupted by " + cancellation.reason() + " while applying " + at
                            + ": the server cancelled the statement and rolled the migration back, so nothing of it was applied",
                    "run migrate again to apply it",
                    e);
        }
        return new KeelException(
                CoreError.INTERRUPTED,
                "interrupted by " + cancellation.reason() + " while applying " + at
                        + ": the server cancelled the statement; the statements before it ran without a transaction and stay applied",
                "run migrate again: it resumes at the interrupted statement",
                e);
    }

    void close() {
        ddl.close();
    }
}
