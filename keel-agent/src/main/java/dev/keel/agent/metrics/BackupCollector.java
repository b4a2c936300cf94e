package dev.keel.agent.metrics;

import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.catalog.DrillRecord;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Keel's backup metrics: the repository's facts (read at most once per interval, see {@link CachedBackupFacts}) against
 * the targets in keel.yaml. The RPO exposure is computed at each scrape from the newest point a restore could reach,
 * so it grows between reads of the repository as it does in truth.
 *
 * @param rpo backup.rpo; null when not set
 * @param rto backup.rto; null when not set
 */
record BackupCollector(CachedBackupFacts cache, Duration rpo, Duration rto, Clock clock) implements MultiCollector {

    @Override
    public MetricSnapshots collect() {
        try {
            return new MetricSnapshots(Family.snapshots(families(cache.get(), clock.instant())));
        } catch (RuntimeException e) {
            return new MetricSnapshots(List.of());
        }
    }

    List<Family> families(BackupFacts facts, Instant now) {
        List<Family> out = new ArrayList<>();
        out.add(Family.gauge("keel_backup_repository_up", "1 when the last read of the backup repository succeeded")
                .add(facts.readable() ? 1 : 0));
        out.add(Family.gauge(
                        "keel_backup_repository_read_timestamp_seconds", "When the backup repository was last read")
                .add(seconds(facts.readAt())));
        Family backups = Family.gauge("keel_backups", "Backups in the repository, complete or not (killed, running)");
        backups.add(Labels.of("state", "complete"), facts.complete());
        backups.add(Labels.of("state", "incomplete"), facts.incomplete());
        out.add(backups);
        Family last = Family.gauge(
                "keel_backup_last_success_timestamp_seconds", "When the newest complete backup of this type ended");
        for (Map.Entry<BackupType, Instant> e : facts.lastSuccess().entrySet()) {
            last.add(Labels.of("type", e.getKey().label()), seconds(e.getValue()));
        }
        out.add(last);
        Family wal = Family.gauge(
                "keel_wal_last_arrival_timestamp_seconds", "When the newest WAL segment reached the repository");
        if (facts.lastWal() != null) {
            wal.add(seconds(facts.lastWal()));
        }
        out.add(wal);
        Duration exposure = facts.exposure(now);
        // Without a complete backup nothing can be restored: the exposure is unbounded, and an alert on it fires.
        out.add(Family.gauge(
                        "keel_rpo_exposure_seconds",
                        "How much recent work a restore now would lose: now minus the newest point a restore can reach")
                .add(exposure == null ? Double.POSITIVE_INFINITY : exposure.toMillis() / 1000.0));
        Family rpoTarget = Family.gauge("keel_rpo_target_seconds", "backup.rpo: the most work a restore may lose");
        if (rpo != null) {
            rpoTarget.add(rpo.toMillis() / 1000.0);
        }
        out.add(rpoTarget);
        Family rtoTarget = Family.gauge("keel_rto_target_seconds", "backup.rto: the longest a restore may take");
        if (rto != null) {
            rtoTarget.add(rto.toMillis() / 1000.0);
        }
        out.add(rtoTarget);
        out.addAll(drill(facts.drill()));
        return out;
    }

    private static List<Family> drill(DrillRecord drill) {
        Family finished = Family.gauge("keel_drill_last_timestamp_seconds", "When the last restore drill finished");
        Family passed = Family.gauge("keel_drill_last_passed", "1 when the last restore drill passed, else 0");
        Family rto = Family.gauge(
                "keel_drill_last_rto_seconds", "How long the last drill's restore took until it accepted queries");
        Family rpo = Family.gauge(
                "keel_drill_last_rpo_seconds", "How much work the last drill's restore lost against the primary");
        if (drill != null) {
            finished.add(seconds(drill.finished()));
            passed.add(drill.passed() ? 1 : 0);
            addMillis(rto, drill.results().get("rtoMillis"));
            addMillis(rpo, drill.results().get("rpoMillis"));
        }
        return List.of(finished, passed, rto, rpo);
    }

    /** A drill records its figures as text; one it could not measure is absent or "null", and stays absent here. */
    private static void addMillis(Family family, String millis) {
        if (millis != null && millis.matches("-?\\d+")) {
            family.add(Long.parseLong(millis) / 1000.0);
        }
    }

    private static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }
}
