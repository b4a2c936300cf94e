package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sessions idle inside a transaction, and statements running for long. Both hold locks and a
 * snapshot: vacuum cannot remove any row that died after the snapshot, in any table, so bloat grows
 * everywhere while they last.
 *
 * @param idleWarning an idle-in-transaction session this old is a warning
 * @param idleCritical … and this old critical
 * @param runningWarning a statement running this long is a warning
 * @param runningCritical … and this long critical
 */
public record LongTransactions(
        Duration idleWarning, Duration idleCritical, Duration runningWarning, Duration runningCritical)
        implements DoctorCheck {
    public static final String ID = "long-transactions";

    public LongTransactions() {
        this(Duration.ofMinutes(5), Duration.ofMinutes(30), Duration.ofMinutes(5), Duration.ofHours(1));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String readsAllRolesStatistics() {
        return "every session's transaction and state in pg_stat_activity";
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "long-transactions.sql")) {
            String state = r.text("state");
            boolean idle = state != null && state.startsWith("idle in transaction");
            double seconds =
                    idle ? r.decimal("state_seconds") : "active".equals(state) ? r.decimal("statement_seconds") : 0;
            Duration warning = idle ? idleWarning : runningWarning;
            Duration critical = idle ? idleCritical : runningCritical;
            if (seconds * 1000 < warning.toMillis()) {
                continue;
            }
            DoctorSeverity severity =
                    seconds * 1000 >= critical.toMillis() ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
            double closeness = severity == DoctorSeverity.CRITICAL
                    ? Impact.between(seconds, critical.toSeconds(), 8.0 * critical.toSeconds())
                    : Impact.between(seconds, warning.toSeconds(), critical.toSeconds());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("pid", r.whole("pid"));
            evidence.put("user", r.text("user_name"));
            evidence.put("application", r.text("application_name"));
            evidence.put("client", r.text("client"));
            evidence.put("state", state);
            evidence.put("stateSeconds", Figures.round(r.decimal("state_seconds"), 1));
            evidence.put("transactionSeconds", Figures.round(r.decimal("transaction_seconds"), 1));
            evidence.put("holdsSnapshot", r.flag("holds_snapshot"));
            evidence.put(idle ? "lastQuery" : "query", r.text("query"));
            String who = "pid " + r.whole("pid") + " (" + r.text("user_name")
                    + (r.text("application_name") == null
                                    || r.text("application_name").isEmpty()
                            ? ""
                            : ", " + r.text("application_name"))
                    + ")";
            String summary = idle
                    ? who + " has been idle in transaction for " + Figures.seconds(seconds)
                    : who + " has been running one statement for " + Figures.seconds(seconds);
            String impact = "it keeps its locks and "
                    + (r.flag("holds_snapshot") ? "holds back vacuum in every table" : "its transaction open")
                    + (idle
                            ? "; the application opened a transaction and stopped talking (missing commit, or work outside the database in between)"
                            : "; it may block DDL and hold back vacuum until it ends");
            findings.add(finding(severity, closeness, summary, evidence, impact));
        }
        return findings;
    }
}
