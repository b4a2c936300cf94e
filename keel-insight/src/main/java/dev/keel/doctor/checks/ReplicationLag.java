package dev.keel.doctor.checks;

import dev.keel.config.ByteSizes;
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
 * Standbys (and other WAL receivers) behind the primary, seen from the primary; on a standby, how
 * far its own replay is behind what it received. Reads from a lagging replica return old data, and
 * a failover to it loses or waits for the difference.
 *
 * @param warningBytes WAL not yet replayed (or flushed) that makes a warning
 * @param warningLag … or this much time
 * @param criticalLag time behind that makes it critical
 */
public record ReplicationLag(long warningBytes, Duration warningLag, Duration criticalLag) implements DoctorCheck {
    public static final String ID = "replication-lag";

    public ReplicationLag() {
        this(1L << 30, Duration.ofSeconds(30), Duration.ofMinutes(5));
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String readsAllRolesStatistics() {
        return "the standbys' positions in pg_stat_replication";
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row r : Rows.query(context.connection(), "replication-lag.sql")) {
            long bytes = r.whole("lag_bytes");
            double seconds = r.decimal("lag_seconds");
            if (bytes < warningBytes && seconds * 1000 < warningLag.toMillis()) {
                continue;
            }
            DoctorSeverity severity =
                    seconds * 1000 >= criticalLag.toMillis() ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
            double closeness = Math.max(
                    Impact.between(bytes, warningBytes, 20.0 * warningBytes),
                    Impact.between(seconds, warningLag.toSeconds(), criticalLag.toSeconds()));
            String who = r.text("application_name") + (r.text("client") == null ? "" : " at " + r.text("client"));
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("pid", r.whole("pid"));
            evidence.put("application", r.text("application_name"));
            evidence.put("client", r.text("client"));
            evidence.put("state", r.text("state"));
            evidence.put("syncState", r.text("sync_state"));
            evidence.put("lagBytes", bytes);
            evidence.put("lagSeconds", r.isNull("lag_seconds") ? null : Figures.round(seconds, 1));
            evidence.put(
                    "sinceReplySeconds",
                    r.isNull("since_reply_seconds") ? null : Figures.round(r.decimal("since_reply_seconds"), 1));
            String summary = "standby " + who + " is " + ByteSizes.human(bytes)
                    + (r.isNull("lag_seconds") ? "" : " and " + Figures.seconds(seconds)) + " behind";
            String impact = "reads routed to it see data that old, and a failover to it would lose or wait for "
                    + ByteSizes.human(bytes) + "; the primary keeps that WAL too if the standby uses a slot";
            findings.add(finding(severity, closeness, summary, evidence, impact));
        }
        for (Rows.Row r : Rows.query(context.connection(), "replica-delay.sql")) {
            long unreplayed = r.whole("unreplayed_bytes");
            double age = r.decimal("replay_age_seconds");
            // An idle primary also ages the last replayed transaction: only WAL waiting for replay means real lag.
            if (unreplayed < warningBytes && (unreplayed == 0 || age * 1000 < warningLag.toMillis())) {
                continue;
            }
            DoctorSeverity severity =
                    age * 1000 >= criticalLag.toMillis() ? DoctorSeverity.CRITICAL : DoctorSeverity.WARNING;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("unreplayedBytes", unreplayed);
            evidence.put("replayAgeSeconds", Figures.round(age, 1));
            findings.add(
                    finding(
                            severity,
                            Impact.between(age, warningLag.toSeconds(), criticalLag.toSeconds()),
                            "this standby has " + ByteSizes.human(unreplayed)
                                    + " of received WAL not replayed yet; its last replayed transaction is "
                                    + Figures.seconds(age) + " old",
                            evidence,
                            "reads here see data that old; replay is blocked by a conflict, a long query on this standby, or slow I/O"));
        }
        return findings;
    }
}
