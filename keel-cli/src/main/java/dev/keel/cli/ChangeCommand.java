package dev.keel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "change",
        description = "Complete, roll back or show the active zero-downtime change (keel migrate starts it).",
        subcommands = {ChangeCompleteCommand.class, ChangeRollbackCommand.class, ChangeStatusCommand.class})
final class ChangeCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: complete, rollback or status");
    }
}
