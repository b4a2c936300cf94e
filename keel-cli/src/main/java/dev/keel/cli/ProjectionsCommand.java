package dev.keel.cli;

import dev.keel.projection.Projections;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "projections",
        description = "Counters, summaries, materialized views and cached columns kept beside their tables: list them,"
                + " compact counters, verify counters and cached columns, refresh summaries and materialized views.",
        subcommands = {
            ProjectionsListCommand.class,
            ProjectionsCompactCommand.class,
            ProjectionsVerifyCommand.class,
            ProjectionsRefreshCommand.class
        })
final class ProjectionsCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(
                spec.commandLine(), "say what to do: list, compact, verify or refresh");
    }

    /** The projection verbs on the project's database, with keel.projections in keel's state schema. */
    static Projections projections(CliContext cli) {
        return new Projections(cli.database(), cli.config().schema());
    }
}
