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
 * Tables where dead rows pile up because autovacuum is behind (or off). Scans read the dead rows
 * too, and the space they hold only becomes reusable after a vacuum.
 *
 * @param minDeadRows fewer dead rows are never worth a finding
 * @param deadShare dead rows over all rows that makes a warning
 * @param vacuumLag a table vacuumed more recently than this is being looked after: silent
 * @param criticalShare dead share that makes it critical, once there are at least {@code criticalDeadRows}
 */
public record DeadTuples(
        long minDeadRows, double deadShare, Duration vacuumLag, double criticalShare, long criticalDeadRows)
        implements DoctorCheck {
    public static final String ID = "dead-tuples";

    public DeadTuples() {
        this(10_000, 0.20, Duration.ofHours(1), 0.50, 10_000_000);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "dead-tuples.sql", minDeadRows)) {
            long dead = r.whole("dead_rows");
            long live = r.whole("live_rows");
            double share = dead / (double) Math.max(1, dead + live);
            boolean neverVacuumed = r.isNull("since_vacuum_seconds");
            double sinceVacuum = r.decimal("since_vacuum_seconds");
            if (share < deadShare || (!neverVacuumed && sinceVacuum * 1000 < vacuumLag.toMillis())) {
                continue;
            }
            DoctorSeverity severity = share >= criticalShare && dead >= criticalDeadRows
                    ? DoctorSeverity.CRITICAL
                    : DoctorSeverity.WARNING;
            String table = r.text("schema_name") + "." + r.text("table_name");
            boolean autovacuumOff =
                    "off".equals(r.text("autovacuum_enabled")) || "false".equals(r.text("autovacuum_enabled"));
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("table", table);
            evidence.put("deadRows", dead);
            evidence.put("liveRows", live);
            evidence.put("deadShare", Figures.round(share, 3));
            evidence.put("tableBytes", r.whole("table_bytes"));
            evidence.put("lastAutovacuum", r.text("last_autovacuum"));
            evidence.put("lastVacuum", r.text("last_vacuum"));
            evidence.put("autovacuumEnabled", !autovacuumOff);
            String summary = table + " holds " + Figures.millions(dead) + " dead rows (" + Figures.percent(share)
                    + " of its rows), "
                    + (neverVacuumed ? "never vacuumed" : "last vacuumed " + Figures.seconds(sinceVacuum) + " ago")
                    + (autovacuumOff ? ", autovacuum off for it" : "");
            String impact = "scans of " + table + " read the dead rows as well and the table keeps growing"
                    + (autovacuumOff
                            ? "; autovacuum is disabled for this table, so nothing will clean it"
                            : "; autovacuum cannot keep up with its changes");
            findings.add(finding(severity, Impact.between(share, deadShare, 1), summary, evidence, impact));
        }
        return findings;
    }
}
