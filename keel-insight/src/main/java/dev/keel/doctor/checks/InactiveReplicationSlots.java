package dev.keel.doctor.checks;

import dev.keel.config.ByteSizes;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replication slots nobody consumes. A slot keeps every WAL segment its consumer has not confirmed
 * (and a logical slot also holds back vacuum of the catalog), so a forgotten slot fills the disk
 * until the server stops.
 *
 * @param criticalBytes retained WAL from which an inactive slot is critical; any inactive slot is a warning
 */
public record InactiveReplicationSlots(long criticalBytes) implements DoctorCheck {
    public static final String ID = "inactive-replication-slots";

    public InactiveReplicationSlots() {
        this(1L << 30);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "inactive-replication-slots.sql")) {
            long retained = r.whole("retained_bytes");
            DoctorSeverity severity = retained >= criticalBytes ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
            double closeness = severity == DoctorSeverity.CRITICAL
                    ? Impact.between(retained, criticalBytes, 50.0 * criticalBytes)
                    : Impact.between(retained, 0, criticalBytes);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("slot", r.text("slot_name"));
            evidence.put("type", r.text("slot_type"));
            evidence.put("database", r.text("database"));
            evidence.put("walStatus", r.text("wal_status"));
            evidence.put("retainedBytes", r.isNull("retained_bytes") ? null : retained);
            String summary = "replication slot " + r.text("slot_name") + " (" + r.text("slot_type")
                    + ") is inactive and retains "
                    + (r.isNull("retained_bytes") ? "no WAL yet" : ByteSizes.human(retained) + " of WAL");
            String impact =
                    "WAL keeps growing for it until the disk fills and the server stops; drop it with pg_drop_replication_slot('"
                            + r.text("slot_name") + "') unless its consumer comes back soon";
            findings.add(finding(severity, closeness, summary, evidence, impact));
        }
        return findings;
    }
}
