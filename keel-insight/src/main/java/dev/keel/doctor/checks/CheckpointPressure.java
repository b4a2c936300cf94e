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
 * Checkpoints forced before their time: by WAL reaching max_wal_size, or asked for (CHECKPOINT,
 * base backups, CREATE DATABASE). Frequent checkpoints multiply full-page writes and I/O bursts.
 * PostgreSQL 17 moved the counters from pg_stat_bgwriter to pg_stat_checkpointer.
 *
 * @param minRequested fewer requested checkpoints are too few to judge
 * @param requestedShare requested over all checkpoints that makes a warning
 */
public record CheckpointPressure(long minRequested, double requestedShare) implements DoctorCheck {
    public static final String ID = "checkpoint-pressure";

    public CheckpointPressure() {
        this(10, 0.5);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        String resource = context.majorVersion() >= 17 ? "checkpoint-pressure-17.sql" : "checkpoint-pressure-15.sql";
        Rows.Row r = Rows.query(context.connection(), resource).get(0);
        long timed = r.whole("timed");
        long requested = r.whole("requested");
        double share = requested / (double) Math.max(1, timed + requested);
        if (requested < minRequested || share < requestedShare) {
            return List.of();
        }
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("requested", requested);
        evidence.put("timed", timed);
        evidence.put("requestedShare", Figures.round(share, 3));
        evidence.put("maxWalSize", r.text("max_wal_size"));
        evidence.put("checkpointTimeout", r.text("checkpoint_timeout"));
        evidence.put("since", r.text("stats_reset"));
        String summary = requested + " of " + (timed + requested) + " checkpoints (" + Figures.percent(share)
                + ") were requested rather than timed" + " (max_wal_size " + r.text("max_wal_size")
                + ", checkpoint_timeout " + r.text("checkpoint_timeout") + ")";
        String impact =
                "each early checkpoint flushes dirty buffers in a burst and restarts full-page writes, inflating WAL and I/O;"
                        + " raise max_wal_size so checkpoints come from checkpoint_timeout";
        return List.of(
                finding(DoctorSeverity.WARNING, Impact.between(share, requestedShare, 1), summary, evidence, impact));
    }
}
