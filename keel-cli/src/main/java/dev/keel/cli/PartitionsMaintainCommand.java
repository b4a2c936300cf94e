package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.partition.PartitionMaintenance;
import dev.keel.partition.PartitionMaintenanceResult;
import java.time.Clock;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "maintain",
        description = "Create partitions ahead, move rows out of default partitions, detach partitions past retention"
                + " and drop them after their grace period; safe to run from several places at once.")
final class PartitionsMaintainCommand implements Callable<Integer> {

    @ParentCommand
    PartitionsCommand partitions;

    @Option(names = "--dry-run", description = "Print what would be done and change nothing.")
    boolean dryRun;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(partitions.parent.global);
        PartitionMaintenanceResult result = PartitionMaintenance.of(
                        cli.database(),
                        cli.config().schema(),
                        cli.changeSettings(),
                        Clock.systemUTC(),
                        line -> cli.err().println("keel: " + line))
                .run(dryRun);
        if (cli.json()) {
            cli.printJson(result);
            return ExitCode.OK.code();
        }
        if (result.sets().isEmpty()) {
            cli.out()
                    .println("No partition sets in " + result.database()
                            + "; declare one with create_partitioned_table in a change file");
            return ExitCode.OK.code();
        }
        for (PartitionMaintenanceResult.SetResult set : result.sets()) {
            if (set.skipped() != null) {
                cli.out().println(set.set() + ": skipped, " + set.skipped());
            } else if (set.steps().isEmpty()) {
                cli.out().println(set.set() + ": up to date");
            } else {
                cli.out().println(set.set() + (dryRun ? ": would" : ":"));
                set.steps().forEach(step -> cli.out().println("  " + step.description()));
            }
        }
        if (dryRun) {
            cli.out().println("Dry run: nothing was changed.");
        }
        return ExitCode.OK.code();
    }
}
