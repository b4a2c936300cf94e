package dev.keel.migrate;

/** Per-run choices of {@code migrate}; the settings hold the defaults. */
public record MigrateOptions(MigrationVersion target, boolean dryRun, boolean outOfOrder) {

    public static MigrateOptions defaults() {
        return new MigrateOptions(null, false, false);
    }
}
