package dev.keel.backup.doctor;

import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.Catalog;
import dev.keel.backup.catalog.DrillRecord;
import dev.keel.backup.catalog.WalSegment;
import dev.keel.backup.wal.WalPosition;
import dev.keel.config.Durations;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * The backups against the targets the team declared: is there a backup at all, is the newest point
 * a restore could reach within backup.rpo, has a restore drill proved the backups restore, and
 * within backup.rto. keel-backup contributes it through {@link BackupDoctorChecks}, so the doctor runs it
 * wherever keel-backup is on the class path and keel-insight never pulls backup code into applications.
 *
 * @param maxDrillAge a drill older than this proves little about today's backups
 */
public record BackupTargets(
        Supplier<BackupRepository> repository, Duration rpo, Duration rto, Duration maxDrillAge, Clock clock)
        implements DoctorCheck {
    public static final String ID = "backup-targets";

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String thresholdsElsewhere() {
        return "its targets are the backup settings — set backup.rpo and backup.rto in keel.yaml instead";
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) {
        BackupRepository repo = repository.get();
        Catalog catalog = repo.catalog();
        List<DoctorFinding> findings = new ArrayList<>();
        Instant now = clock.instant();
        Optional<BackupManifest> newest = catalog.completeBackups().stream()
                .map(catalog::manifest)
                .flatMap(Optional::stream)
                .max(Comparator.comparing(BackupManifest::stopTime));
        if (newest.isEmpty()) {
            findings.add(finding(
                    DoctorSeverity.CRITICAL,
                    1.0,
                    "the backup repository " + repo.store().describe() + " holds no complete backup",
                    Map.of("repository", repo.store().describe()),
                    "if this server's disk or data is lost now, nothing can be restored"));
            return findings;
        }
        BackupManifest backup = newest.get();
        Duration age = Duration.between(backup.stopTime(), now);
        List<WalSegment> newer =
                catalog.wal().stream().filter(w -> after(w, backup)).toList();
        Optional<WalSegment> newestWal =
                newer.stream().max(Comparator.comparing(WalSegment::name).thenComparing(w -> !w.partial()));
        // The newest point a restore can reach: the end of the backup, or when the newest WAL after it was stored.
        Instant reach = newestWal
                .flatMap(w -> repo.store().storedAt(w.object()))
                .filter(t -> t.isAfter(backup.stopTime()))
                .orElse(backup.stopTime());
        Duration exposure = Duration.between(reach, now);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("newestBackup", backup.id());
        evidence.put("backupAgeSeconds", age.toSeconds());
        evidence.put("walSegmentsAfterIt", (long) newer.size());
        evidence.put(
                "newestWal",
                newestWal.map(w -> w.name() + (w.partial() ? ".partial" : "")).orElse(null));
        evidence.put("newestWalAgeSeconds", exposure.toSeconds());
        evidence.put("rpoSeconds", rpo == null ? null : rpo.toSeconds());
        ServerWal server = ServerWal.read(context);
        evidence.put("serverWalFile", server.currentFile());
        evidence.put("keelStreaming", server.streaming());
        // A keel receiver close behind the server, or a repository that already holds the server's current segment,
        // loses nothing to speak of.
        boolean current = server.streamingCaughtUp()
                || (server.currentFile() != null
                        && newestWal.isPresent()
                        && newestWal.get().name().compareTo(server.currentFile()) >= 0);
        String what = newestWal.isEmpty()
                ? "the end of backup " + backup.id()
                : "WAL " + newestWal.get().name() + (newestWal.get().partial() ? " (partial)" : "");
        if (!current && rpo != null && exposure.compareTo(rpo) > 0) {
            findings.add(finding(
                    DoctorSeverity.CRITICAL,
                    Impact.between(exposure.toSeconds(), rpo.toSeconds(), 10.0 * rpo.toSeconds()),
                    "the newest point a restore can reach is " + what + ", stored " + Durations.rounded(exposure)
                            + " ago, beyond backup.rpo " + Durations.rounded(rpo),
                    evidence,
                    "a restore now would lose " + Durations.rounded(exposure)
                            + " of work; run keel wal stream (or keel wal push as archive_command)"
                            + " and check that it keeps up, or back up more often"));
        } else if (!current && rpo == null && newer.isEmpty() && age.compareTo(Duration.ofDays(1)) > 0) {
            findings.add(finding(
                    DoctorSeverity.WARNING,
                    Impact.between(age.toHours(), 24, 24 * 14),
                    "the newest backup, " + backup.id() + ", ended " + Durations.rounded(age)
                            + " ago and no WAL was archived since",
                    evidence,
                    "a restore now would lose " + Durations.rounded(age)
                            + " of work; set backup.rpo to say what is acceptable"));
        }
        drills(repo, now, findings);
        return findings;
    }

    private void drills(BackupRepository repo, Instant now, List<DoctorFinding> findings) {
        Optional<DrillRecord> last =
                repo.catalog().drills().stream().map(repo::readDrill).max(Comparator.comparing(DrillRecord::finished));
        if (last.isEmpty()) {
            findings.add(finding(
                    DoctorSeverity.WARNING,
                    0.5,
                    "no restore drill is recorded: nobody knows whether these backups restore, or how long it takes",
                    Map.of("drills", 0),
                    "run keel drill (nightly, from cron or CI) so a restore is proved before it is needed"));
            return;
        }
        DrillRecord drill = last.get();
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("drill", drill.id());
        evidence.put("finished", drill.finished().toString());
        evidence.put("passed", drill.passed());
        evidence.put("rtoMillis", drill.results().get("rtoMillis"));
        evidence.put("rtoTargetSeconds", rto == null ? null : rto.toSeconds());
        if (!drill.passed()) {
            findings.add(
                    finding(
                            DoctorSeverity.CRITICAL,
                            0.9,
                            "the last restore drill (" + drill.id() + ") failed: "
                                    + (drill.failures().isEmpty()
                                            ? "see its record"
                                            : drill.failures().get(0)),
                            evidence,
                            "the backups may not restore when they are needed; fix what the drill names and run keel drill again"));
            return;
        }
        String rtoMillis = drill.results().get("rtoMillis");
        if (rto != null && rtoMillis != null && Long.parseLong(rtoMillis) > rto.toMillis()) {
            Duration measured = Duration.ofMillis(Long.parseLong(rtoMillis));
            findings.add(
                    finding(
                            DoctorSeverity.WARNING,
                            Impact.between(measured.toSeconds(), rto.toSeconds(), 5.0 * rto.toSeconds()),
                            "the last restore drill took " + Durations.rounded(measured)
                                    + " to accept queries, beyond backup.rto " + Durations.rounded(rto),
                            evidence,
                            "an outage would last at least that long; restore from a closer backup, in parallel, or onto faster storage"));
        }
        Duration drillAge = Duration.between(drill.finished(), now);
        if (drillAge.compareTo(maxDrillAge) > 0) {
            findings.add(finding(
                    DoctorSeverity.WARNING,
                    Impact.between(drillAge.toDays(), maxDrillAge.toDays(), 4.0 * maxDrillAge.toDays()),
                    "the last restore drill ran " + Durations.rounded(drillAge) + " ago",
                    evidence,
                    "what it proved may no longer hold for today's backups;" + " run keel drill regularly"));
        }
    }

    /**
     * What the server says about its WAL: the file it writes now, and whether a keel receiver
     * streams it with less than a segment of lag. Unknown (nulls, false) without a connection or on a standby.
     */
    record ServerWal(String currentFile, String streaming, boolean streamingCaughtUp) {
        static ServerWal read(DoctorContext context) {
            if (context == null) {
                return new ServerWal(null, null, false);
            }
            String file = null;
            String streaming = null;
            boolean caughtUp = false;
            try (Statement s = context.connection().createStatement()) {
                try (ResultSet rs = s.executeQuery("select pg_walfile_name(pg_current_wal_lsn())")) {
                    file = rs.next() ? rs.getString(1) : null;
                }
                try (ResultSet rs = s.executeQuery(
                        "select application_name, sync_state, pg_wal_lsn_diff(pg_current_wal_lsn(), flush_lsn)"
                                + " from pg_stat_replication where application_name like 'keel%' and state = 'streaming' order by 3 limit 1")) {
                    if (rs.next()) {
                        streaming = rs.getString(1) + " (" + rs.getString(2) + ", " + rs.getLong(3) + " bytes behind)";
                        caughtUp = rs.getLong(3) < WalPosition.DEFAULT_SEGMENT_SIZE;
                    }
                }
            } catch (SQLException e) {
                // a standby has no current WAL position of its own; judge by the repository alone
            }
            return new ServerWal(file, streaming, caughtUp);
        }
    }

    /** Whether a WAL segment comes after the backup's stop (16 MB segments, PostgreSQL's default: manifests do not record the size). */
    private static boolean after(WalSegment segment, BackupManifest backup) {
        if (segment.timeline() != backup.timeline()) {
            return segment.timeline() > backup.timeline();
        }
        WalPosition position = new WalPosition(WalPosition.DEFAULT_SEGMENT_SIZE);
        return segment.name().length() >= 24
                && position.number(segment.name()) > position.numberOfLsn(backup.stopLsn());
    }
}
