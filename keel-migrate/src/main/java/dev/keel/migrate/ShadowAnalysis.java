package dev.keel.migrate;

import dev.keel.check.CheckMigrations;
import dev.keel.check.Finding;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.KeelException;
import dev.keel.migrate.shadow.FillReport;
import dev.keel.migrate.shadow.LockCapture;
import dev.keel.migrate.shadow.LockWitness;
import dev.keel.migrate.shadow.ShadowDatabase;
import dev.keel.migrate.shadow.ShadowFindings;
import dev.keel.migrate.shadow.ShadowOptions;
import dev.keel.migrate.shadow.ShadowResult;
import dev.keel.migrate.shadow.StatementObserver;
import dev.keel.migrate.shadow.StatementRejected;
import dev.keel.migrate.shadow.SyntheticRows;
import dev.keel.migrate.shadow.TargetRows;
import dev.keel.sql.SqlStatement;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Asks PostgreSQL what the pending migrations really do: a shadow database at the schema state
 * before them (the applied history replayed), optionally filled with a share of the target's rows,
 * then each pending statement run on it and observed (see {@link StatementObserver}). A lock that
 * blocks writes on a table above the row limit is an error, whether or not a static rule saw it. The
 * shadow is dropped afterwards, also after a failure.
 */
public final class ShadowAnalysis {
    public static final String RULE = ShadowFindings.RULE;
    public static final String FAILED_RULE = ShadowFindings.FAILED_RULE;

    private final ConnectionSource target;
    private final ConnectionSource scratch;
    private final Function<String, ConnectionSource> shadowDatabase;
    private final MigrationSettings settings;
    private final ShadowOptions options;

    /**
     * @param scratch a connection to the server that hosts the shadow (its maintenance database)
     * @param shadowDatabase connections to a database of that server, by name
     */
    public ShadowAnalysis(
            ConnectionSource target,
            ConnectionSource scratch,
            Function<String, ConnectionSource> shadowDatabase,
            MigrationSettings settings,
            ShadowOptions options) {
        this.target = target;
        this.scratch = scratch;
        this.shadowDatabase = shadowDatabase;
        this.settings = settings;
        this.options = options;
    }

    public ShadowResult run() {
        MigrationPlan plan;
        TargetRows targetRows;
        int targetMajor;
        try (Connection c = target.open()) {
            targetMajor = CheckMigrations.serverMajorVersion(c);
            plan = MigrationPlan.of(
                    settings.resolver().resolve(), settings.history().read(c), true, null);
            targetRows = TargetRows.read(c);
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.SHADOW_FAILED,
                    "reading " + target.describe() + " for the shadow analysis failed: " + e.getMessage(),
                    "check the connection and the user's rights",
                    e);
        }
        if (plan.pending().isEmpty()) {
            return new ShadowResult(List.of(), FillReport.none(), true, targetMajor, targetMajor);
        }
        try (ShadowDatabase shadow = ShadowDatabase.create(scratch, shadowDatabase)) {
            if (plan.current() != null) {
                Migrate.run(
                        shadow.source(),
                        settings,
                        new MigrateOptions(plan.current(), false, true, true),
                        MigrationListener.SILENT);
            }
            return observe(shadow.source(), plan.pending(), targetRows, targetMajor);
        }
    }

    private ShadowResult observe(
            ConnectionSource shadow, List<MigrationScript> pending, TargetRows targetRows, int targetMajor) {
        ShadowFindings findings = new ShadowFindings(targetRows, options.rowLimit(), options.scale());
        List<Finding> found = new ArrayList<>();
        try (Connection c = shadow.open();
                LockWitness witness = new LockWitness(shadow)) {
            FillReport fill = options.scale() > 0
                    ? new SyntheticRows(targetRows, options.scale(), options.scaleCap(), settings.schema()).fill(c)
                    : FillReport.none();
            LockCapture capture = LockCapture.install(c);
            StatementObserver observer = StatementObserver.start(c, capture, witness);
            for (MigrationScript script : pending) {
                if (!run(c, observer, findings, script, found)) {
                    break;
                }
            }
            return new ShadowResult(
                    found, fill, capture.installed(), targetMajor, CheckMigrations.serverMajorVersion(c));
        } catch (SQLException e) {
            throw new KeelException(
                    MigrateError.SHADOW_FAILED,
                    "the shadow analysis failed: " + e.getMessage(),
                    "run keel check without --shadow",
                    e);
        }
    }

    /** Runs one script as keel would (in a transaction when it can); false after a statement failed. */
    private static boolean run(
            Connection c,
            StatementObserver observer,
            ShadowFindings findings,
            MigrationScript script,
            List<Finding> found)
            throws SQLException {
        MigrationExecutor.PreparedScript prepared = MigrationExecutor.prepare(script);
        c.setAutoCommit(!prepared.transactional());
        try {
            for (SqlStatement statement : prepared.statements()) {
                try {
                    findings.of(script.script(), statement, observer.observe(statement.sql()))
                            .ifPresent(found::add);
                } catch (StatementRejected rejected) {
                    if (!c.getAutoCommit()) {
                        c.rollback();
                    }
                    found.add(findings.failed(script.script(), statement, rejected));
                    return false;
                }
            }
            if (prepared.transactional()) {
                c.commit();
            }
            return true;
        } finally {
            c.setAutoCommit(true);
        }
    }
}
