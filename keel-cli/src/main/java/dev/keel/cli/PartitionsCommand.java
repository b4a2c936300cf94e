package dev.keel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "partitions",
        description = "Partitioned tables keel keeps (declared by create_partitioned_table): maintain.",
        subcommands = {PartitionsMaintainCommand.class})
final class PartitionsCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: maintain");
    }
}
