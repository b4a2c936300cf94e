package dev.keel.cli;

import dev.keel.backup.Backups;
import dev.keel.backup.replica.ReplicaPromoteResult;
import dev.keel.error.ExitCode;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "promote",
        description = "Promote the standby running in DIR to a primary and wait until it has left recovery.")
final class ReplicaPromoteCommand implements Callable<Integer> {

    @ParentCommand
    ReplicaCommand replica;

    @Parameters(index = "0", paramLabel = "DIR", description = "The standby's data directory.")
    Path dir;

    @Option(
            names = "--pg-bindir",
            paramLabel = "DIR",
            description = "PostgreSQL binaries of the standby's major version (default: found automatically).")
    Path binDir;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(replica.parent.global);
        // Promotion works on the directory alone: no database is resolved, so the embedded one is never started.
        Backups backups = CliContext.configured(() -> {
            var configuration = cli.backups();
            if (binDir != null) {
                configuration.binDir(binDir);
            }
            return configuration.load();
        });
        ReplicaPromoteResult result = backups.replicaPromote(dir);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out()
                    .printf(
                            "Promoted %s: it writes on timeline %d%s (%.1f s)%n",
                            result.dataDir(),
                            result.timeline(),
                            result.port() == null ? "" : " and listens on port " + result.port(),
                            result.millis() / 1000.0);
        }
        return ExitCode.OK.code();
    }
}
