package dev.keel.migrate;

import java.time.OffsetDateTime;

/** One row of keel.schema_history. */
public record AppliedMigration(
        int installedRank,
        MigrationVersion version,
        String description,
        MigrationType type,
        String script,
        Integer checksum,
        String installedBy,
        OffsetDateTime installedOn,
        int executionTimeMs,
        boolean success,
        String phase) {

    /** A change's phases in the history; SQL migrations carry none. */
    public static final String ACTIVE = "active";

    public static final String COMPLETE = "complete";
    public static final String ROLLED_BACK = "rolled_back";

    public AppliedMigration(
            int installedRank,
            MigrationVersion version,
            String description,
            MigrationType type,
            String script,
            Integer checksum,
            String installedBy,
            OffsetDateTime installedOn,
            int executionTimeMs,
            boolean success) {
        this(
                installedRank,
                version,
                description,
                type,
                script,
                checksum,
                installedBy,
                installedOn,
                executionTimeMs,
                success,
                null);
    }

    /** Counts as applied: a SQL migration, or a change that was started and not rolled back. */
    public boolean versionApplied() {
        return type == MigrationType.VERSIONED || type == MigrationType.CHANGE && !ROLLED_BACK.equals(phase);
    }

    public boolean activeChange() {
        return type == MigrationType.CHANGE && ACTIVE.equals(phase);
    }

    public String label() {
        return version == null ? "R__" + description.replace(' ', '_') : "V" + version;
    }
}
