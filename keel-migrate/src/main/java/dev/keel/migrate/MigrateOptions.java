package dev.keel.migrate;

/**
 * Per-run choices of {@code migrate}; the settings hold the defaults.
 *
 * @param skipChecks apply without running the static safety checks first (said loudly)
 */
public record MigrateOptions(
        MigrationVersion target, boolean dryRun, boolean outOfOrder, boolean skipChecks, boolean complete) {

    /**
     * @param complete complete each change right after its start instead of leaving it active (local development, CI,
     *     empty databases)
     */
    public MigrateOptions(MigrationVersion target, boolean dryRun, boolean outOfOrder, boolean skipChecks) {
        this(target, dryRun, outOfOrder, skipChecks, false);
    }

    public MigrateOptions(MigrationVersion target, boolean dryRun, boolean outOfOrder) {
        this(target, dryRun, outOfOrder, false);
    }

    public MigrateOptions completing() {
        return new MigrateOptions(target, dryRun, outOfOrder, skipChecks, true);
    }

    public static MigrateOptions defaults() {
        return new MigrateOptions(null, false, false, false, false);
    }
}
