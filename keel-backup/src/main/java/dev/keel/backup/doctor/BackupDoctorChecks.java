package dev.keel.backup.doctor;

import dev.keel.backup.BackupSettings;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.config.KeelYaml;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorCheckProvider;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/** keel-backup's doctor check: the backups against backup.rpo and backup.rto, when a repository is configured. */
public final class BackupDoctorChecks implements DoctorCheckProvider {
    /** A drill older than this proves little about today's backups. */
    static final Duration MAX_DRILL_AGE = Duration.ofDays(7);

    @Override
    public List<DoctorCheck> checks(KeelYaml config, Map<String, String> env) {
        BackupSettings backup = BackupSettings.from(config);
        if (backup.repository() == null || backup.repository().isBlank()) {
            return List.of();
        }
        // Opened when the check runs: a repository that cannot be read becomes that check's finding, not the doctor's
        // failure.
        return List.of(new BackupTargets(
                () -> BackupRepository.open(backup, env),
                backup.rpo(),
                backup.rto(),
                MAX_DRILL_AGE,
                Clock.systemUTC()));
    }

    @Override
    public int order() {
        return 30;
    }
}
