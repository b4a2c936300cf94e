package dev.keel.migrate;

/**
 * Per-run choices of {@code migrate}; the settings hold the defaults.
 *
 * @param skipChecks apply without running the static safety checks first (said loudly)
 */
public record MigrateOptions(MigrationVersion target, boolean dryRun, boolean outOfOrder, boolean skipChecks) {

    public MigrateOptions(MigrationVersion target, boolean dryRun, boolean outOfOrder) {
        this(target, dryRun, outOfOrder, false);
    }

    public static MigrateOptions defaults() {
        return new MigrateOptions(null, false, false, false);
    }
}
