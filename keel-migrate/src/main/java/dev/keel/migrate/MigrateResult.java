package dev.keel.migrate;

import java.util.List;

/** What {@code migrate} did (or, in a dry run, would do). */
public record MigrateResult(
        String database,
        String schemaVersionBefore,
        String schemaVersionAfter,
        List<Applied> applied,
        boolean dryRun,
        long totalMillis) {

    public MigrateResult {
        applied = List.copyOf(applied);
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
