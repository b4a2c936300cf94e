package dev.keel.doctor;

import dev.keel.config.KeelConfig;
import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.checks.HealthChecks;
import dev.keel.error.KeelException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Runs checks one after the other on one connection and ranks what they find. Each check runs
 * isolated: one that fails (no privilege, a view missing in this version, the statement timeout)
 * becomes an info finding that says so, and the report goes on. Add checks from other modules
 * (backups, migrations) with {@link #plus}.
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
    public static Doctor forProject(KeelConfig config, Map<String, String> env) {
        Doctor doctor = new Doctor(DoctorCheckProvider.discover(config, env), config.schema(), DEFAULT_STATEMENT_TIMEOUT);
        return DoctorThresholds.apply(doctor, config.get(DoctorSection.THRESHOLDS));
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
            throw KeelException.operation("closing the connection to " + source.describe() + " failed: " + e.getMessage(), "retry", e);
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
            context = new DoctorContext(c, serverVersion(c), keelSchema);
        } catch (SQLException e) {
            throw KeelException.operation("preparing the doctor's session failed: " + firstLine(e), "check the connection and retry", e);
        }
        List<DoctorFinding> findings = new ArrayList<>();
        for (DoctorCheck check : checks) {
            findings.addAll(runIsolated(check, context));
        }
        return DoctorReport.of(findings, checks.stream().map(DoctorCheck::id).toList());
    }

    private static List<DoctorFinding> runIsolated(DoctorCheck check, DoctorContext context) {
        try {
            return check.run(context);
        } catch (SQLException | RuntimeException e) {
            resetAfterFailure(context.connection());
            String why = e instanceof SQLException sql ? firstLine(sql) : e instanceof KeelException k ? k.what() : String.valueOf(e.getMessage());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("error", why);
            if (e instanceof SQLException sql && sql.getSQLState() != null) {
                evidence.put("sqlstate", sql.getSQLState());
            }
            return List.of(new DoctorFinding(check.id(), Severity.INFO, "check " + check.id() + " could not run: " + why, evidence, 0,
                    "this part of the database's health is unknown", check.runbook()));
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
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_setting('server_version_num')::int")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    static String firstLine(SQLException e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m);
    }
}
