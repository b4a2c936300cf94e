package dev.keel.agent.jobs;

import dev.keel.backup.Backups;
import dev.keel.backup.prune.PruneResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** keel backup prune with backup.retention on schedule. */
public final class PruneJob implements Job {
    private final Supplier<Backups> backups;

    public PruneJob(Supplier<Backups> backups) {
        this.backups = backups;
    }

    @Override
    public JobName name() {
        return JobName.PRUNE;
    }

    @Override
    public JobResult run() {
        PruneResult result = backups.get().prune();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put(
                "backupsRemoved",
                result.plan().backups().size() - result.spared().size());
        figures.put("incompleteRemoved", result.plan().incomplete().size());
        figures.put("objectsRemoved", result.objectsRemoved());
        figures.put("storedBytesRemoved", result.storedBytesRemoved());
        return JobResult.ok(figures);
    }
}
