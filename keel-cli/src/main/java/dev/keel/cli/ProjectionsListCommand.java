package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.projection.ProjectionCatalog;
import dev.keel.projection.Projections;
import dev.keel.stats.Times;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "list",
        description = "Show every counter: its table, state, and when it was last compacted and verified.")
final class ProjectionsListCommand implements Callable<Integer> {

    @ParentCommand
    ProjectionsCommand projections;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(projections.parent.global);
        Projections.ListResult result = ProjectionsCommand.projections(cli).list();
        if (cli.json()) {
            cli.printJson(result);
        } else if (result.projections().isEmpty()) {
            cli.out()
                    .println("No counters in " + result.database()
                            + "; create one with create_counter in a change file (docs/changes/create_counter.md)");
        } else {
            cli.out().println("Counters in " + result.database() + ":");
            for (ProjectionCatalog.Entry e : result.projections()) {
                cli.out()
                        .printf(
                                "  %s  %s on %s by %s, %s; compacted %s, verified %s%n",
                                e.qualifiedName(),
                                e.kind(),
                                e.counter().table(),
                                String.join(", ", e.counter().groupBy()),
                                e.state(),
                                e.lastCompacted() == null ? "never" : Times.format(e.lastCompacted()),
                                e.lastVerified() == null ? "never" : Times.format(e.lastVerified()));
            }
        }
        return ExitCode.OK.code();
    }
}
