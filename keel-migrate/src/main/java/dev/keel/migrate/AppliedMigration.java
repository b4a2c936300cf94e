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
        boolean success) {

    public String label() {
        return version == null ? "R__" + description.replace(' ', '_') : "V" + version;
    }
}
