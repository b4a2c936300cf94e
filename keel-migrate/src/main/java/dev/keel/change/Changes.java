package dev.keel.change;

import dev.keel.check.Severity;
import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.migrate.AppliedMigration;
import dev.keel.migrate.HistoryTable;
import dev.keel.migrate.MigrateError;
import dev.keel.migrate.MigrationListener;
import dev.keel.migrate.MigrationScript;
import dev.keel.migrate.MigrationVersion;
import dev.keel.projection.SummaryRefresh;
import dev.keel.sql.Identifiers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.postgresql.util.PSQLException;

/**
 * Start, complete and rollback of a change on one session that holds the migration lock. Each phase records where it
 * got in keel.change_state, and each step either runs in a transaction with that record or can run again, so the same
 * command resumes after a crash.
 */
public final class Changes {
    private final Connection connection;
    private final ConnectionSource source;
    private final HistoryTable history;
    private final ChangeSettings settings;
    private final ChangeState state;
    private final MigrationListener listener;
    private final Cancellation cancellation;

    public Changes(
            Connection connection,
            ConnectionSource source,
            HistoryTable history,
            ChangeSettings settings,
            MigrationListener listener,
            Cancellation cancellation) {
        this.connection = connection;
        this.source = source;
        this.history = history;
        this.settings = settings;
        this.state = new ChangeState(history.schema());
        this.listener = listener;
        this.cancellation = cancellation;
        DeadClientCheck.enable(connection);
    }

    public Optional<ChangeState.Row> active() throws SQLException {
        return state.current(connection);
    }

    /** Plans a change against the live schema, asking the server about expressions; changes nothing. */
    public ChangePlan plan(MigrationScript script, String previousVersion) throws SQLException {
        ChangeFile file = ChangeFile.parse(script.script(), script.content());
        LiveSchema live = LiveSchema.read(connection, file.schema())
                .withoutShadows()
                .withProjections(connection, history.schema());
        return new ChangePlanner(history.schema())
                .plan(file, live, script.version().toString(), previousVersion, new ExpressionProbe(connection));
    }

    private ChangePlan stored(ChangeState.Row row) {
        ChangeFile file = ChangeFile.parse(row.script(), row.content());
        return new ChangePlanner(history.schema())
                .plan(file, LiveSchema.fromJson(row.snapshot()), row.version(), row.previousVersion(), null);
    }

    /** Starts a change, or resumes its start, and leaves it active. */
    public ChangeResult start(MigrationScript script, String previousVersion) throws SQLException {
        long begin = System.nanoTime();
        state.ensureExists(connection);
        Optional<ChangeState.Row> current = state.current(connection);
        if (current.isPresent()
                && !current.get().version().equals(script.version().toString())) {
            throw anotherActive(current.get(), script);
        }
        ChangePlan plan;
        if (current.isEmpty()) {
            ChangeFile file = ChangeFile.parse(script.script(), script.content());
            LiveSchema live = LiveSchema.read(connection, file.schema())
                    .withoutShadows()
                    .withProjections(connection, history.schema());
            plan = new ChangePlanner(history.schema())
                    .plan(
                            file,
                            live,
                            script.version().toString(),
                            previousVersion,
                            ExpressionProbe.countingNulls(connection));
            requireValid(plan);
            requireOwnSchema(plan.newSchema());
            boolean createdPrevious = false;
            if (plan.previousSchema() != null) {
                createdPrevious = !schemaExists(plan.previousSchema());
                requireOwnSchema(plan.previousSchema());
            }
            ChangeState.Row row = new ChangeState.Row(
                    script.version().toString(),
                    script.script(),
                    script.checksum(),
                    script.content(),
                    script.description(),
                    file.schema(),
                    previousVersion,
                    createdPrevious,
                    live.toJson(),
                    ChangeState.BACKFILLING,
                    null);
            listener.info("starting change " + script.script() + ": " + plan.newSchema() + " shows the new shape"
                    + (plan.previousSchema() == null ? "" : ", " + plan.previousSchema() + " the previous one"));
            try (ChangeExecutor executor = executor()) {
                executor.runAtomic(plan.start(Action.Kind.ATOMIC), c -> state.insert(c, row));
            } catch (SQLException e) {
                throw failed(
                        "starting " + script.script(),
                        e,
                        "nothing of it was applied; fix the cause and run migrate again");
            }
        } else {
            listener.info("resuming the start of " + script.script() + " (phase "
                    + current.get().phase() + ")");
            plan = stored(current.get());
            if (ChangeState.ACTIVE.equals(current.get().phase())) {
                return new ChangeResult(plan.version(), script.script(), ChangeState.ACTIVE, List.of(), false, 0);
            }
        }
        try (ChangeExecutor executor = executor()) {
            executor.runEach(plan.start(Action.Kind.CONCURRENT));
            executor.runEach(plan.start(Action.Kind.INITIALISE));
            fill(plan.start(Action.Kind.FILL));
            Backfill backfill = new Backfill(connection, executor, settings, state, listener, cancellation);
            for (Action a : plan.start(Action.Kind.BACKFILL)) {
                backfill.run(plan.version(), a.backfill());
            }
            int millis = (int) ((System.nanoTime() - begin) / 1_000_000);
            executor.runAtomic(List.of(), c -> {
                state.setPhase(c, plan.version(), ChangeState.ACTIVE);
                history.insertChange(c, script, millis);
            });
        } catch (SQLException e) {
            throw failed("starting " + script.script(), e, "what ran is kept; run migrate again to resume the start");
        }
        return new ChangeResult(
                plan.version(),
                script.script(),
                ChangeState.ACTIVE,
                describe(plan.start()),
                false,
                (System.nanoTime() - begin) / 1_000_000);
    }

    /** Validates constraints and makes the new shape physical; resumes an interrupted complete. */
    public ChangeResult complete() throws SQLException {
        long begin = System.nanoTime();
        ChangeState.Row row = requireActive("complete");
        ChangePlan plan = stored(row);
        try (ChangeExecutor executor = executor()) {
            if (!ChangeState.FINISHING.equals(row.phase())) {
                if (!ChangeState.ACTIVE.equals(row.phase()) && !ChangeState.COMPLETING.equals(row.phase())) {
                    throw new KeelException(
                            MigrateError.CHANGE_FAILED,
                            "V" + row.version() + " is in phase " + row.phase() + ", not active",
                            "run keel migrate to finish its start (or keel change rollback), then complete it");
                }
                state.setPhase(connection, row.version(), ChangeState.COMPLETING);
                executor.runEach(plan.complete(Action.Kind.VALIDATE));
                executor.runAtomic(plan.complete(Action.Kind.ATOMIC), c -> {
                    history.setPhase(c, MigrationVersion.parse(row.version()), AppliedMigration.COMPLETE);
                    state.setPhase(c, row.version(), ChangeState.FINISHING);
                });
            }
            executor.runEach(plan.complete(Action.Kind.CONCURRENT));
            state.delete(connection, row.version());
        } catch (SQLException e) {
            throw failed(
                    "completing " + row.script(),
                    e,
                    "the change stays active and both versions keep working; fix the cause (rows through the new"
                            + " version) and run keel change complete again, or roll it back");
        }
        listener.info("completed " + row.script() + ": " + plan.newSchema() + " now shows the tables as they are");
        return new ChangeResult(
                row.version(),
                row.script(),
                AppliedMigration.COMPLETE,
                describe(plan.complete()),
                false,
                (System.nanoTime() - begin) / 1_000_000);
    }

    /** Removes everything start added; the old shape and every row stay. */
    public ChangeResult rollback() throws SQLException {
        long begin = System.nanoTime();
        ChangeState.Row row = requireActive("roll back");
        if (ChangeState.FINISHING.equals(row.phase())) {
            throw new KeelException(
                    MigrateError.CHANGE_FAILED,
                    "V" + row.version() + " was completed already (only dropping old indexes was left)",
                    "run keel change complete to finish it; a completed change is undone by a new change");
        }
        ChangePlan plan = stored(row);
        List<Action> atomic = new ArrayList<>(plan.rollback(Action.Kind.ATOMIC));
        if (row.createdPrevious() && plan.previousSchema() != null) {
            // First, as in the plan: the old version's statements hold these views while they wait for the table.
            atomic.add(0, VersionViews.drop(plan.previousSchema()));
        }
        try (ChangeExecutor executor = executor()) {
            state.setPhase(connection, row.version(), ChangeState.ROLLING_BACK);
            executor.runEach(plan.rollback(Action.Kind.CONCURRENT));
            executor.runAtomic(atomic, c -> {
                history.setPhase(c, MigrationVersion.parse(row.version()), AppliedMigration.ROLLED_BACK);
                state.delete(c, row.version());
            });
        } catch (SQLException e) {
            throw failed("rolling back " + row.script(), e, "run keel change rollback again: it resumes");
        }
        listener.info("rolled back " + row.script() + ": the schema is as it was before the change");
        return new ChangeResult(
                row.version(),
                row.script(),
                AppliedMigration.ROLLED_BACK,
                describe(plan.rollback()),
                false,
                (System.nanoTime() - begin) / 1_000_000);
    }

    /** Summaries' first fills, after start's transaction committed the triggers that record what writes touch. */
    private void fill(List<Action> fills) throws SQLException {
        for (Action a : fills) {
            listener.info(a.description());
            SummaryRefresh.Result r = new SummaryRefresh(connection).run(a.summary());
            connection.setAutoCommit(true);
            try (Statement s = connection.createStatement()) {
                s.execute(a.sql());
            }
            listener.info("  " + r.rows() + " summary rows in " + r.transactions()
                    + (r.transactions() == 1 ? " transaction" : " transactions"));
        }
    }

    public ChangeStatus status() throws SQLException {
        Optional<ChangeState.Row> current = state.current(connection);
        if (current.isEmpty()) {
            return ChangeStatus.none();
        }
        ChangeState.Row row = current.get();
        ChangePlan plan = stored(row);
        return new ChangeStatus(
                true,
                row.version(),
                row.description(),
                row.script(),
                row.phase(),
                row.schemaName(),
                plan.newSchema(),
                plan.previousSchema(),
                row.startedOn(),
                state.progress(connection, row.version()),
                describe(plan.complete()),
                describe(plan.rollback()));
    }

    private ChangeExecutor executor() {
        return new ChangeExecutor(connection, source, settings, listener, cancellation);
    }

    private ChangeState.Row requireActive(String verb) throws SQLException {
        return state.current(connection)
                .orElseThrow(() -> new KeelException(
                        MigrateError.CHANGE_NOT_ACTIVE,
                        "no change is active, so there is nothing to " + verb,
                        "keel change status shows the change in flight; keel migrate starts the next one"));
    }

    private static KeelException anotherActive(ChangeState.Row active, MigrationScript script) {
        return new KeelException(
                MigrateError.CHANGE_ACTIVE,
                script.script() + " cannot start while V" + active.version() + " (" + active.script() + ") is active",
                "run keel change complete (or keel change rollback) first, then keel migrate");
    }

    private static void requireValid(ChangePlan plan) {
        if (!plan.valid()) {
            var first = plan.findings().stream()
                    .filter(f -> f.severity() == Severity.ERROR)
                    .findFirst()
                    .orElseThrow();
            long more = plan.findings().size() - 1;
            throw new KeelException(
                    MigrateError.CHANGE_INVALID,
                    first.file() + ":" + first.line() + ":" + first.column() + ": " + first.message()
                            + (more > 0 ? " (and " + more + " more: run keel validate)" : "") + "; nothing was applied",
                    first.fix());
        }
    }

    private boolean schemaExists(String schema) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next();
            }
        }
    }

    /** A version schema keel would replace must be keel's own: a user's schema of that name is never dropped. */
    private void requireOwnSchema(String schema) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement(
                "SELECT coalesce(obj_description(oid, 'pg_namespace'), '') FROM pg_namespace WHERE nspname = ?")) {
            s.setString(1, schema);
            try (ResultSet rs = s.executeQuery()) {
                if (rs.next() && !ShadowNames.VERSION_SCHEMA_COMMENT.equals(rs.getString(1))) {
                    throw new KeelException(
                            MigrateError.VERSION_SCHEMA_TAKEN,
                            "schema " + Identifiers.display(schema)
                                    + " exists and is not keel's, but the change needs that name for a version's views;"
                                    + " nothing was applied",
                            "rename or drop that schema, or give the change file another version");
                }
            }
        }
    }

    private static List<String> describe(List<Action> actions) {
        return actions.stream().map(Action::description).toList();
    }

    private KeelException failed(String what, SQLException e, String todo) {
        String detail = e instanceof PSQLException p && p.getServerErrorMessage() != null
                ? p.getServerErrorMessage().getMessage()
                : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
        return new KeelException(MigrateError.CHANGE_FAILED, what + " failed: " + detail, todo, e);
    }
}
