package dev.keel.doctor.checks;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Client connections against what the server admits. When they run out, new connections fail with
 * "too many clients already": an outage for every service that opens one.
 *
 * @param warning share of the available connections in use that makes a warning
 * @param critical … and critical
 */
public record ConnectionSaturation(double warning, double critical) implements DoctorCheck {
    public static final String ID = "connection-saturation";

    public ConnectionSaturation() {
        this(0.75, 0.90);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String readsAllRolesStatistics() {
        return "every session in pg_stat_activity";
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        Rows.Row r =
                Rows.query(context.connection(), "connection-saturation.sql").get(0);
        long used = r.whole("used");
        // Superusers may use the reserve, the application may not: what it sees is the smaller number.
        long available = Math.max(1, r.whole("max_connections") - r.whole("superuser_reserved"));
        double share = used / (double) available;
        if (share < warning) {
            return List.of();
        }
        DoctorSeverity severity = share >= critical ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
        double closeness = severity == DoctorSeverity.CRITICAL
                ? Impact.between(share, critical, 1)
                : Impact.between(share, warning, critical);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("used", used);
        evidence.put("available", available);
        evidence.put("maxConnections", r.whole("max_connections"));
        evidence.put("superuserReserved", r.whole("superuser_reserved"));
        evidence.put("active", r.whole("active"));
        evidence.put("idle", r.whole("idle"));
        evidence.put("idleInTransaction", r.whole("idle_in_transaction"));
        evidence.put("usedShare", Figures.round(share, 3));
        String summary = used + " of " + available + " available connections are in use (" + Figures.percent(share)
                + "), " + r.whole("active") + " of them active and " + r.whole("idle") + " idle";
        String impact = "at " + available + " new connections fail with \"too many clients already\""
                + (r.whole("idle") > r.whole("active")
                        ? "; most are idle, so a pooler (PgBouncer) or smaller application pools would free them"
                        : "");
        return List.of(finding(severity, closeness, summary, evidence, impact));
    }
}
