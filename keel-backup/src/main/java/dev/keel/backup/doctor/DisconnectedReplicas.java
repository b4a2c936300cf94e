package dev.keel.backup.doctor;

import dev.keel.backup.replica.ReplicaList;
import dev.keel.backup.replica.ReplicaStatus;
import dev.keel.config.ByteSizes;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Replicas keel made (keel replica create) that are not connected to the primary now. Their slot keeps every WAL
 * segment they have not received, so the primary's disk fills while they are gone; without a slot they fall behind
 * and need the repository, or a new copy, to come back. Slot-less standbys keel did not make are left to
 * replication-lag and inactive-replication-slots.
 *
 * @param criticalBytes retained WAL from which a disconnected replica is critical
 */
public record DisconnectedReplicas(long criticalBytes) implements DoctorCheck {
    public static final String ID = "disconnected-replicas";

    public DisconnectedReplicas() {
        this(1L << 30);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String readsAllRolesStatistics() {
        return "the standbys' connections in pg_stat_replication";
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        // keel.replicas is replicated too: on a standby every replica would look disconnected from it.
        try (Statement s = context.connection().createStatement();
                ResultSet rs = s.executeQuery("select pg_is_in_recovery()")) {
            rs.next();
            if (rs.getBoolean(1)) {
                return findings;
            }
        }
        for (ReplicaStatus r : ReplicaList.read(context.connection(), context.keelSchema(), null)) {
            if (r.connected() || !r.keel()) {
                continue;
            }
            long retained = r.retainedBytes() == null ? 0 : r.retainedBytes();
            DoctorSeverity severity = retained >= criticalBytes ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
            double closeness = severity == DoctorSeverity.CRITICAL
                    ? Impact.between(retained, criticalBytes, 50.0 * criticalBytes)
                    : Impact.between(retained, 0, criticalBytes);
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("replica", r.name());
            evidence.put("targetDir", r.targetDir());
            evidence.put("madeOn", r.madeOn());
            evidence.put("slot", r.slot());
            evidence.put("retainedBytes", r.retainedBytes());
            String summary = r.slot() != null
                    ? "replica " + r.name() + " (keel made it in " + r.targetDir() + " on " + r.madeOn()
                            + ") is disconnected, and its slot " + r.slot() + " retains " + ByteSizes.human(retained)
                            + " of WAL"
                    : "replica " + r.name() + " (keel made it in " + r.targetDir() + " on " + r.madeOn()
                            + ") is disconnected";
            String impact = r.slot() != null
                    ? "the primary keeps that WAL until the replica returns, and its disk fills if it never does;"
                            + " start the replica again, or drop the slot with pg_drop_replication_slot('" + r.slot()
                            + "') and forget it"
                    : "reads routed to it, if it still runs, see ever older data; start it again or remove it";
            findings.add(finding(severity, closeness, summary, evidence, impact));
        }
        return findings;
    }
}
