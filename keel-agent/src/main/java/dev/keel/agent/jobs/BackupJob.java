package dev.keel.agent.jobs;

import dev.keel.backup.Backups;
import dev.keel.backup.base.BackupResult;
import dev.keel.backup.catalog.BackupType;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * keel backup (full or incremental) on schedule. A run killed mid-way leaves an incomplete backup whose lease expires:
 * verification skips it while a complete one exists, prune removes it, and the next run starts a new backup.
 */
public final class BackupJob implements Job {
    private final Supplier<Backups> backups;
    private final BackupType type;

    public BackupJob(Supplier<Backups> backups, BackupType type) {
        this.backups = backups;
        this.type = type;
    }

    @Override
    public JobName name() {
        return type == BackupType.FULL ? JobName.FULL_BACKUP : JobName.INCREMENTAL_BACKUP;
    }

    @Override
    public JobResult run() {
        BackupResult result = backups.get().backup(type);
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("backup", result.id());
        figures.put("type", result.type().label());
        figures.put("files", result.files());
        figures.put("bytes", result.bytes());
        figures.put("storedBytes", result.storedBytes());
        figures.put("walSegments", result.walSegments());
        figures.put("millis", result.millis());
        return JobResult.ok(figures);
    }
}
