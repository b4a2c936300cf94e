package dev.keel.cli;

import dev.keel.backup.BackupSettings;
import dev.keel.backup.Backups;
import dev.keel.backup.prune.PrunePlan;
import dev.keel.backup.prune.PruneResult;
import dev.keel.backup.prune.RetentionPolicy;
import dev.keel.config.ByteSizes;
import dev.keel.error.ExitCode;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(name = "prune", description = "Remove backups beyond the retention policy, and the WAL no kept backup needs.")
final class BackupPruneCommand implements Callable<Integer> {
    @ParentCommand
    BackupCommand backup;

    @Mixin
    RepositoryOption repo;

    @Option(
            names = "--keep-full",
            paramLabel = "N",
            description = "Keep the newest N full backups (default: backup.retention.full).")
    Integer keepFull;

    @Option(
            names = "--keep-days",
            paramLabel = "D",
            description = "Keep every backup that ended within D days (default: backup.retention.days).")
    Integer keepDays;

    @Option(names = "--dry-run", description = "List what would be removed, and remove nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(backup.parent.global);
        RepositoryOption chosen = repo.repository != null ? repo : backup.repo;
        Backups backups = chosen.backups(cli);
        BackupSettings.Retention configured = backups.settings().retention();
        // Options replace the configured policy as a whole: mixing one option with the other configured rule would
        // surprise.
        RetentionPolicy policy = keepFull != null || keepDays != null
                ? new RetentionPolicy(keepFull, keepDays)
                : new RetentionPolicy(configured.full(), configured.days());
        PruneResult result = backups.prune(policy, dryRun);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            print(cli, result);
        }
        return ExitCode.OK.code();
    }

    private static void print(CliContext cli, PruneResult result) {
        PrunePlan plan = result.plan();
        String verb = result.dryRun() ? "would remove" : "removed";
        for (String id : plan.backups()) {
            if (!result.spared().contains(id)) {
                cli.out().printf("%s backup %s%n", verb, id);
            }
        }
        for (String id : plan.incomplete()) {
            if (!result.spared().contains(id)) {
                cli.out().printf("%s incomplete backup %s%n", verb, id);
            }
        }
        for (String id : plan.running()) {
            cli.out().printf("kept running backup %s and every backup it builds on%n", id);
        }
        for (String id : result.spared()) {
            cli.out().printf("kept backup %s after all: a backup that started or completed meanwhile needs it%n", id);
        }
        if (!plan.wal().isEmpty()) {
            cli.out().printf("%s %d WAL files before %s%n", verb, plan.wal().size(), plan.walKeptFrom());
        }
        cli.out()
                .printf(
                        "Kept %d backup%s: %s%s%n",
                        plan.kept().size(),
                        plan.kept().size() == 1 ? "" : "s",
                        String.join(", ", plan.kept()),
                        result.dryRun()
                                ? " (dry run: nothing was removed)"
                                : ", " + result.objectsRemoved() + " objects ("
                                        + ByteSizes.human(result.storedBytesRemoved()) + ") removed");
    }
}
