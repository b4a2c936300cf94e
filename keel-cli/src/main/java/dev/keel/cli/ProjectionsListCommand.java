package dev.keel.cli;

import dev.keel.config.Durations;
import dev.keel.error.ExitCode;
import dev.keel.projection.ProjectionCatalog;
import dev.keel.projection.Projections;
import dev.keel.stats.Times;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "list",
        description =
                "Show every counter, summary, materialized view and cached column keel keeps: what it is, its state,"
                        + " and when it was last compacted, refreshed or verified.")
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
                    .println("Nothing in " + result.database() + "; create_counter, create_summary,"
                            + " create_materialized_view and create_projection in a change file make them"
                            + " (docs/guides/denormalization.md)");
        } else {
            cli.out().println("Projections in " + result.database() + ":");
            for (ProjectionCatalog.Entry e : result.projections()) {
                cli.out().println("  " + e.qualifiedName() + "  " + line(e));
            }
        }
        return ExitCode.OK.code();
    }

    /** What it is and when its upkeep last ran, by kind. */
    static String line(ProjectionCatalog.Entry e) {
        return switch (e.kind()) {
            case ProjectionCatalog.COUNTER ->
                "counter on " + e.counter().table() + " by "
                        + String.join(", ", e.counter().groupBy()) + ", " + e.state() + "; compacted "
                        + when(e.lastCompacted()) + ", verified " + when(e.lastVerified());
            case ProjectionCatalog.SUMMARY ->
                "summary by " + e.summary().incrementalBy() + ", every "
                        + Durations.human(Duration.ofSeconds(e.summary().refreshSeconds())) + ", " + e.state()
                        + "; refreshed " + when(e.lastRefreshed());
            case ProjectionCatalog.MATERIALIZED_VIEW ->
                "materialized view, every "
                        + Durations.human(
                                Duration.ofSeconds(e.materializedView().refreshSeconds())) + ", " + e.state()
                        + "; refreshed " + when(e.lastRefreshed());
            case ProjectionCatalog.PROJECTION ->
                "cached column from " + e.cachedColumn().fromTable() + "."
                        + e.cachedColumn().fromColumn() + " by "
                        + e.cachedColumn().key() + ", " + e.state()
                        + "; verified " + when(e.lastVerified());
            default -> e.kind() + ", " + e.state();
        };
    }

    private static String when(OffsetDateTime t) {
        return t == null ? "never" : Times.format(t);
    }
}
