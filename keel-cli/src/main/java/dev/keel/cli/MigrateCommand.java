package dev.keel.cli;

import dev.keel.connect.Cancellation;
import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.migrate.Migrate;
import dev.keel.migrate.MigrateOptions;
import dev.keel.migrate.MigrateResult;
import dev.keel.migrate.MigrationVersion;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "migrate", description = "Apply pending migrations (versioned in order, then changed repeatables).")
final class MigrateCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Option(names = "--target", paramLabel = "VERSION", description = "Stop after this version.")
    String target;

    @Option(names = "--dry-run", description = "Show what would be applied, and check it, without applying anything.")
    boolean dryRun;

    @Option(names = "--out-of-order", description = "Also apply pending versions below the current one.")
    boolean outOfOrder;

    @Option(
            names = "--complete",
            description = "Complete each zero-downtime change right after its start instead of leaving it active "
                    + "(local development, CI, empty databases).")
    boolean complete;

    @Option(
            names = "--skip-checks",
            description = "Apply without the static safety checks (not recommended; keel says so loudly).")
    boolean skipChecks;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        MigrationVersion targetVersion = target == null ? null : parseVersion(target);
        MigrateOptions options = new MigrateOptions(targetVersion, dryRun, outOfOrder, skipChecks, complete);
        StderrListener listener = new StderrListener(cli.err(), parent.global.verbose);
        MigrateResult result;
        if (dryRun) {
            // Nothing to roll back: Ctrl-C ends a dry run at once, as the JVM does by default.
            result = Migrate.run(
                    cli.database(),
                    cli.migrationSettings(),
                    cli.changeSettings(),
                    options,
                    listener,
                    Cancellation.none());
        } else {
            Cancellation cancellation = new Cancellation();
            try (InterruptSignals signals = InterruptSignals.install(cancellation, cli.err())) {
                result = Migrate.run(
                        cli.database(), cli.migrationSettings(), cli.changeSettings(), options, listener, cancellation);
            }
        }
        if (cli.json()) {
            cli.printJson(result);
        } else {
            print(cli, result);
        }
        return ExitCode.OK.code();
    }

    static MigrationVersion parseVersion(String text) {
        try {
            return MigrationVersion.parse(text);
        } catch (IllegalArgumentException e) {
            throw new KeelException(CoreError.COMMAND_LINE, e.getMessage(), "pass a version such as 3 or 1.2");
        }
    }

    private static void print(CliContext cli, MigrateResult r) {
        print0(cli, r);
        if (!r.dryRun() && r.activeChange() != null) {
            cli.out()
                    .println("V" + r.activeChange() + " is active: both versions are served; "
                            + (r.waiting() > 0
                                    ? r.waiting() + " later migration" + (r.waiting() == 1 ? " waits" : "s wait")
                                            + " for it. "
                                    : "")
                            + "Roll out the application, then run keel change complete (or keel change rollback).");
        }
    }

    private static void print0(CliContext cli, MigrateResult r) {
        String at = r.schemaVersionAfter() == null ? "no version" : "version " + r.schemaVersionAfter();
        if (r.dryRun()) {
            if (r.applied().isEmpty()) {
                cli.out().println("Nothing to migrate: " + r.database() + " is up to date at " + at + ".");
                return;
            }
            cli.out()
                    .println("Would apply " + r.count() + " migration" + (r.count() == 1 ? "" : "s") + " to "
                            + r.database() + ":");
            for (MigrateResult.Applied a : r.applied()) {
                cli.out()
                        .printf(
                                "  %-12s %s%s%n",
                                a.version() == null ? "R" : "V" + a.version(),
                                a.script(),
                                a.transactional() ? "" : "  (without a transaction)");
            }
            for (String line : r.plannedChange()) {
                cli.out().println("  " + line);
            }
            cli.out().println("Dry run: nothing was applied.");
            return;
        }
        if (r.applied().isEmpty()) {
            cli.out().println("Nothing to migrate: " + r.database() + " is up to date at " + at + ".");
        } else {
            cli.out()
                    .printf(
                            "Applied %d migration%s to %s: now at %s (%.1f s).%n",
                            r.count(), r.count() == 1 ? "" : "s", r.database(), at, r.totalMillis() / 1000.0);
        }
    }
}
