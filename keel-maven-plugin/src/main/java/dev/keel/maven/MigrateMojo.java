package dev.keel.maven;

import dev.keel.app.Project;
import dev.keel.change.ChangeSettings;
import dev.keel.connect.Cancellation;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.Migrate;
import dev.keel.migrate.MigrateOptions;
import dev.keel.migrate.MigrateResult;
import dev.keel.migrate.MigrationVersion;
import java.util.function.Supplier;
import org.apache.maven.plugin.logging.Log;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;

/** keel migrate: applies the pending migrations (versioned in order, then changed repeatables). */
@Mojo(name = "migrate", requiresProject = false, threadSafe = true)
public class MigrateMojo extends KeelMojo {

    /** Stop after this version (keel migrate --target). */
    @Parameter(property = "keel.target")
    String target;

    /** Show what would be applied, and check it, without applying anything (--dry-run). */
    @Parameter(property = "keel.dryRun", defaultValue = "false")
    boolean dryRun;

    /** Also apply pending versions below the current one (--out-of-order). */
    @Parameter(property = "keel.outOfOrder", defaultValue = "false")
    boolean outOfOrder;

    /** Complete each zero-downtime change right after its start (--complete): local development, CI, empty databases. */
    @Parameter(property = "keel.complete", defaultValue = "false")
    boolean complete;

    /** Apply without the static safety checks (--skip-checks; not recommended, keel says so loudly). */
    @Parameter(property = "keel.skipChecks", defaultValue = "false")
    boolean skipChecks;

    @Override
    void run(Project project) {
        MigrationVersion targetVersion = target == null || target.isBlank() ? null : version(target);
        ChangeSettings changes = settings(() -> ChangeSettings.from(project.config()));
        // No Ctrl-C hook as on the command line: Maven owns the JVM's signals, and a migration that is cut off
        // rolls back with its transaction.
        MigrateResult result = Migrate.run(
                project.database(),
                project.migrationSettings(),
                changes,
                new MigrateOptions(targetVersion, dryRun, outOfOrder, skipChecks, complete),
                new LogListener(getLog()),
                Cancellation.none());
        report(getLog(), result);
    }

    static MigrationVersion version(String text) {
        try {
            return MigrationVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KeelException(
                    CoreError.COMMAND_LINE, "target " + e.getMessage(), "set target to a version such as 3 or 1.2");
        }
    }

    /** A facade refuses an impossible setting with IllegalArgumentException: a configuration error, not a bug. */
    static <T> T settings(Supplier<T> load) {
        try {
            return load.get();
        } catch (IllegalArgumentException e) {
            throw new KeelException(
                    CoreError.CONFIG_INVALID, e.getMessage(), "check keel.yaml and the plugin's settings");
        }
    }

    static void report(Log log, MigrateResult r) {
        String at = r.schemaVersionAfter() == null ? "no version" : "version " + r.schemaVersionAfter();
        if (r.applied().isEmpty()) {
            log.info("Nothing to migrate: " + r.database() + " is up to date at " + at + ".");
        } else if (r.dryRun()) {
            log.info("Would apply " + r.count() + " migration" + (r.count() == 1 ? "" : "s") + " to " + r.database()
                    + ":");
            for (MigrateResult.Applied a : r.applied()) {
                log.info(String.format(
                        "  %-12s %s%s",
                        a.version() == null ? "R" : "V" + a.version(),
                        a.script(),
                        a.transactional() ? "" : "  (without a transaction)"));
            }
            r.plannedChange().forEach(line -> log.info("  " + line));
        } else {
            log.info(String.format(
                    "Applied %d migration%s to %s: now at %s (%.1f s).",
                    r.count(), r.count() == 1 ? "" : "s", r.database(), at, r.totalMillis() / 1000.0));
        }
        if (r.dryRun()) {
            log.info("Dry run: nothing was applied.");
        } else if (r.activeChange() != null) {
            log.info("V" + r.activeChange() + " is active: both versions are served; "
                    + (r.waiting() > 0
                            ? r.waiting() + " later migration" + (r.waiting() == 1 ? " waits" : "s wait") + " for it. "
                            : "")
                    + "Roll out the application, then run keel change complete (or keel change rollback).");
        }
    }
}
