package dev.keel.doctor;

import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.checks.HealthChecks;
import dev.keel.error.KeelException;
import dev.keel.insight.InsightError;
import dev.keel.insight.InsightSection;
import dev.keel.sql.Identifiers;
import dev.keel.stats.StatsVisibility;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Runs checks one after the other on one connection and ranks what they find. Each check runs
 * isolated: one that fails (no privilege, a view missing in this version, the statement timeout)
 * is reported as not run, with why, and the report goes on. A check that needs every role's
 * statistics does not run for a role without pg_read_all_stats: it would see only the role's own
 * sessions and call the database calm. Add checks from other modules (backups, migrations) with
 * {@link #plus}.
 */
public final class Doctor {
    /** Long enough for the catalog reads on a large database, short enough for someone paged at night. */
    public static final Duration DEFAULT_STATEMENT_TIMEOUT = Duration.ofSeconds(15);

    private final List<DoctorCheck> checks;
    private final String keelSchema;
    private final Duration statementTimeout;

    private Doctor(List<DoctorCheck> checks, String keelSchema, Duration statementTimeout) {
        this.checks = List.copyOf(checks);
        this.keelSchema = keelSchema;
        this.statementTimeout = statementTimeout;
    }

    /** The database-health checks with their default thresholds. */
    public static Doctor standard(String keelSchema) {
        return new Doctor(HealthChecks.all(), keelSchema, DEFAULT_STATEMENT_TIMEOUT);
    }

    /**
     * Every check the modules on the class path contribute for this project (see {@link DoctorCheckProvider}), with
     * the thresholds keel.yaml sets.
     */
    public static Doctor forProject(KeelYaml config, Map<String, String> env) {
        Doctor doctor =
                new Doctor(DoctorCheckProvider.discover(config, env), config.schema(), DEFAULT_STATEMENT_TIMEOUT);
        return DoctorThresholds.apply(doctor, config.get(InsightSection.THRESHOLDS));
    }

    public static Doctor of(String keelSchema, DoctorCheck... checks) {
        return new Doctor(List.of(checks), keelSchema, DEFAULT_STATEMENT_TIMEOUT);
    }

    /** The same doctor with more checks after these. */
    public Doctor plus(DoctorCheck... more) {
        List<DoctorCheck> all = new ArrayList<>(checks);
        all.addAll(List.of(more));
        return new Doctor(all, keelSchema, statementTimeout);
    }

    /** The same doctor with these checks instead, e.g. reconfigured by {@link DoctorThresholds}. */
    public Doctor withChecks(List<DoctorCheck> replaced) {
        return new Doctor(replaced, keelSchema, statementTimeout);
    }

    public Doctor withStatementTimeout(Duration timeout) {
        return new Doctor(checks, keelSchema, timeout);
    }

    public List<DoctorCheck> checks() {
        return checks;
    }

    public DoctorReport run(ConnectionSource source) {
        try (Connection c = source.open()) {
            return run(c);
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "closing the connection to " + source.describe() + " failed: " + e.getMessage(),
                    "retry",
                    e);
        }
    }

    /** Runs every check on {@code c}, which it leaves in autocommit mode with the doctor's timeouts set. */
    public DoctorReport run(Connection c) {
        DoctorContext context;
        try {
            c.setAutoCommit(true);
            try (Statement s = c.createStatement()) {
                s.execute("SET statement_timeout = " + statementTimeout.toMillis());
                // The doctor only reads; should a catalog lock be held, it must give up rather than queue behind it.
                s.execute("SET lock_timeout = 2000");
                s.execute("SET application_name = 'keel doctor'");
            }
            context = new DoctorContext(c, serverVersion(c), keelSchema, StatsVisibility.of(c));
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "preparing the doctor's session failed: " + firstLine(e),
                    "check the connection and retry",
                    e);
        }
        List<DoctorFinding> findings = new ArrayList<>();
        List<CheckResult> results = new ArrayList<>();
        for (DoctorCheck check : checks) {
            String needs = check.readsAllRolesStatistics();
            if (needs != null && !context.visibility().seesAll()) {
                results.add(CheckResult.notRun(
                        check.id(),
                        "needs " + needs + ", and role "
                                + Identifiers.display(context.visibility().role())
                                + " sees only its own there: it is not a member of " + StatsVisibility.ROLE,
                        context.visibility().grant()));
                continue;
            }
            results.add(runIsolated(check, context, findings));
        }
        return DoctorReport.of(findings, results, context.visibility());
    }

    private static CheckResult runIsolated(DoctorCheck check, DoctorContext context, List<DoctorFinding> findings) {
        try {
            List<DoctorFinding> found = check.run(context);
            findings.addAll(found);
            return CheckResult.ran(check.id(), found.size());
        } catch (SQLException | RuntimeException e) {
            resetAfterFailure(context.connection());
            String why = e instanceof SQLException sql
                    ? firstLine(sql)
                    : e instanceof KeelException k ? k.what() : String.valueOf(e.getMessage());
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                why += " (SQLSTATE " + sql.getSQLState() + ")";
            }
            return CheckResult.notRun(check.id(), why, e instanceof KeelException k ? k.todo() : null);
        }
    }

    private static void resetAfterFailure(Connection c) {
        try {
            if (!c.getAutoCommit()) {
                c.rollback();
                c.setAutoCommit(true);
            }
        } catch (SQLException ignored) {
            // The next check fails on its own if the connection is gone, and says so in its finding.
        }
    }

    private static int serverVersion(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
