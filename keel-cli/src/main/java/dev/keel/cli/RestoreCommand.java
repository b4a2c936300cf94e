package dev.keel.cli;

import dev.keel.backup.RestoreRequest;
import dev.keel.backup.restore.RestoreResult;
import dev.keel.error.ExitCode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "restore",
        description = "Restore a base backup into a new data directory and recover it to a point in time.")
final class RestoreCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Mixin
    RepositoryOption repo;

    @Option(
            names = "--target-dir",
            paramLabel = "DIR",
            required = true,
            description = "The data directory to create (must be empty or new).")
    Path targetDir;

    @Option(
            names = "--backup",
            paramLabel = "ID",
            description = "The backup to restore (default: the newest that ended before the target).")
    String backupId;

    @Option(names = "--overwrite", description = "Replace what the target directory holds.")
    boolean overwrite;

    @Option(names = "--start", description = "Leave the recovered cluster running on a free port and print its URL.")
    boolean start;

    @Option(
            names = "--accept-gap",
            description = "When a WAL segment between the backup and the target is missing, recover up to it and report"
                    + " the commits lost, instead of failing (exit 1); with any target: latest, a time, an LSN or a"
                    + " restore point.")
    boolean acceptGap;

    @Mixin
    RecoveryOptions recovery;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        RestoreRequest request =
                RestoreRequest.into(targetDir).to(recovery.target()).backup(backupId);
        request = overwrite ? request.overwrite() : request;
        request = start ? request.start() : request;
        request = acceptGap ? request.acceptGap() : request;
        RestoreResult result = repo.backups(cli, recovery::applyTo).restore(request);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out()
                    .printf(
                            "Restored backup %s into %s and recovered to %s: LSN %s, last transaction %s, timeline %d (%.1f s)%n",
                            result.backupId(),
                            result.targetDir(),
                            result.gap() == null
                                    ? result.target()
                                    : "the gap at WAL segment "
                                            + result.gap().missing().get(0) + ", NOT to the target "
                                            + result.target(),
                            result.recoveredLsn(),
                            result.recoveredTime() == null ? "none replayed" : result.recoveredTime(),
                            result.timeline(),
                            result.millis() / 1000.0);
            if (result.gap() != null) {
                cli.out().println("Recovery " + result.gap().describe() + ".");
            }
            if (result.running()) {
                cli.out().println(result.url());
            } else {
                cli.out()
                        .println("The recovered cluster is stopped; start it with: pg_ctl -D " + result.targetDir()
                                + " start  (PostgreSQL in " + result.binDir() + ")");
            }
        }
        return ExitCode.OK.code();
    }
}
