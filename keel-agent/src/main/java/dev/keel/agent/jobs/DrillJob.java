package dev.keel.agent.jobs;

import dev.keel.backup.Backups;
import dev.keel.backup.drill.DrillResult;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/** keel drill on schedule: a drill that runs to its end but misses a target is a failed run, with what it missed. */
public final class DrillJob implements Job {
    private final Supplier<Backups> backups;

    public DrillJob(Supplier<Backups> backups) {
        this.backups = backups;
    }

    @Override
    public JobName name() {
        return JobName.DRILL;
    }

    @Override
    public JobResult run() {
        DrillResult result = backups.get().drill();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("drill", result.id());
        figures.put("backup", result.backupId());
        figures.put("passed", result.passed());
        figures.put("rtoMillis", result.rtoMillis());
        if (result.rpoMillis() != null) {
            figures.put("rpoMillis", result.rpoMillis());
        }
        figures.put("tablesCompared", result.tablesCompared());
        return new JobResult(
                figures, result.passed() ? null : "the drill missed: " + String.join("; ", result.failures()));
    }
}
