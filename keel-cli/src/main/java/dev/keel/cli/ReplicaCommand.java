package dev.keel.cli;

import dev.keel.backup.Backups;
import dev.keel.backup.BackupsConfiguration;
import java.util.function.UnaryOperator;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "replica",
        description = "Streaming standbys of the database: create one from a backup or a stream of the primary, list"
                + " them with their lag, promote one.",
        subcommands = {ReplicaCreateCommand.class, ReplicaListCommand.class, ReplicaPromoteCommand.class})
final class ReplicaCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: create, list or promote");
    }

    /**
     * The backup facade on the project's database (the embedded one, started if needed), with the repository when
     * one is configured or given: a replica needs none, a replica from a backup does.
     */
    static Backups backups(CliContext cli, String repository, UnaryOperator<BackupsConfiguration> options) {
        return CliContext.configured(() -> {
            BackupsConfiguration configuration = cli.backups();
            if (repository != null) {
                configuration.repository(repository);
            }
            return options.apply(configuration).target(cli.databaseTarget()).load();
        });
    }
}
