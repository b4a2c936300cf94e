package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.projection.CounterCompaction;
import dev.keel.projection.Projections;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "compact",
        description = {
            "Fold each counter's committed deltas into its base rows, online: writers never wait for it.",
            "keel up does this every minute (schedule.compactCounters)."
        })
final class ProjectionsCompactCommand implements Callable<Integer> {

    @ParentCommand
    ProjectionsCommand projections;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description = "The counter (name or schema.name); all of them when left out.")
    String name;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(projections.parent.global);
        Projections.CompactResult result = ProjectionsCommand.projections(cli).compact(name);
        if (cli.json()) {
            cli.printJson(result);
        } else if (result.counters().isEmpty()) {
            cli.out().println("No counters in " + result.database() + ": nothing to compact");
        } else {
            for (CounterCompaction.Result r : result.counters()) {
                cli.out()
                        .println(
                                r.skipped() != null
                                        ? r.counter() + ": skipped, " + r.skipped()
                                        : r.counter() + ": folded " + r.deltasFolded() + " deltas into "
                                                + r.groupsWritten() + " base rows in " + r.millis() + " ms");
            }
        }
        return ExitCode.OK.code();
    }
}
