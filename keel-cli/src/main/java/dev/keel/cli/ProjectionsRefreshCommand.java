package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.projection.ProjectionRefresh;
import dev.keel.projection.Projections;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "refresh",
        description = {
            "Refresh summaries (only the buckets whose rows changed) and materialized views (REFRESH … CONCURRENTLY).",
            "keel up refreshes each one when its interval has passed (schedule.refreshProjections)."
        })
final class ProjectionsRefreshCommand implements Callable<Integer> {

    @ParentCommand
    ProjectionsCommand projections;

    @Parameters(
            index = "0",
            arity = "0..1",
            paramLabel = "NAME",
            description = "The summary or materialized view (name or schema.name); all of them when left out.")
    String name;

    @Option(names = "--due", description = "Only those whose refresh interval has passed since their last refresh.")
    boolean due;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(projections.parent.global);
        Projections.RefreshResult result = ProjectionsCommand.projections(cli).refresh(name, due);
        if (cli.json()) {
            cli.printJson(result);
        } else if (result.refreshed().isEmpty()) {
            cli.out()
                    .println((due ? "Nothing due in " : "No summaries or materialized views in ") + result.database()
                            + ": nothing to refresh");
        } else {
            for (ProjectionRefresh.Result r : result.refreshed()) {
                cli.out().println(line(r));
            }
        }
        return ExitCode.OK.code();
    }

    private static String line(ProjectionRefresh.Result r) {
        if (r.skipped() != null) {
            return r.projection() + ": skipped, " + r.skipped();
        }
        if (r.kind().equals("summary")) {
            return r.projection() + ": "
                    + (r.ranges() == 0
                            ? "nothing changed"
                            : r.ranges() + (r.ranges() == 1 ? " range" : " ranges") + " of buckets recomputed, "
                                    + r.rows() + " rows")
                    + " in " + r.millis() + " ms";
        }
        return r.projection() + ": refreshed concurrently in " + r.millis() + " ms";
    }
}
