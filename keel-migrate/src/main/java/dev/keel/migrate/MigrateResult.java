package dev.keel.migrate;

import java.util.List;

/** What {@code migrate} did (or, in a dry run, would do). */
public record MigrateResult(
        String database,
        String schemaVersionBefore,
        String schemaVersionAfter,
        List<Applied> applied,
        boolean dryRun,
        long totalMillis,
        String activeChange,
        int waiting,
        List<String> plannedChange) {

    /**
     * @param activeChange the version of the change left active (null when none): later migrations wait for it
     * @param waiting pending migrations that wait until the active change is completed
     * @param plannedChange in a dry run, what the first pending change's start would do
     */
    public MigrateResult {
        applied = List.copyOf(applied);
        plannedChange = plannedChange == null ? List.of() : List.copyOf(plannedChange);
    }

    public MigrateResult(
            String database,
            String schemaVersionBefore,
            String schemaVersionAfter,
            List<Applied> applied,
            boolean dryRun,
            long totalMillis) {
        this(database, schemaVersionBefore, schemaVersionAfter, applied, dryRun, totalMillis, null, 0, List.of());
    }

    /** One migration applied (or planned): {@code transactional} false for CONCURRENTLY and friends. */
    public record Applied(
            String version,
            String description,
            String type,
            String script,
            long executionMillis,
            boolean transactional) {}

    public int count() {
        return applied.size();
    }
}
