package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.migrate.Repair;
import dev.keel.migrate.RepairResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "repair",
        description =
                "Remove failed rows, take the checksums of edited files and forget deleted ones, in the history only.")
final class RepairCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        RepairResult result = Repair.run(cli.database(), cli.migrationSettings(), new StderrListener(cli.err()));
        if (cli.json()) {
            cli.printJson(result);
            return ExitCode.OK.code();
        }
        if (result.changedNothing()) {
            cli.out().println("Nothing to repair: the history of " + result.database() + " matches the files.");
        }
        result.removedFailed().forEach(s -> cli.out().println("removed failed row " + s));
        result.realignedChecksums().forEach(s -> cli.out().println("took the checksum of the file for " + s));
        result.removedMissing().forEach(s -> cli.out().println("forgot " + s + ", whose file is gone"));
        return ExitCode.OK.code();
    }
}
