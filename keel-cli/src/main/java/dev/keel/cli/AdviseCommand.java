package dev.keel.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "advise",
        description = "Advice from the statistics: keel advise indexes.",
        subcommands = {AdviseIndexesCommand.class})
final class AdviseCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to advise on: indexes");
    }
}
