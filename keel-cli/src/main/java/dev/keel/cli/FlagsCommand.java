package dev.keel.cli;

import dev.keel.flags.Flag;
import dev.keel.flags.FlagAdmin;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "flags",
        description = "Feature flags for staged rollouts, kept in keel's schema: list, get, set and history.",
        subcommands = {FlagsListCommand.class, FlagsGetCommand.class, FlagsSetCommand.class, FlagsHistoryCommand.class})
final class FlagsCommand implements Runnable {

    @ParentCommand
    KeelCommand parent;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "say what to do: list, get, set or history");
    }

    /** The flag verbs on the project's database, in keel's state schema. */
    static FlagAdmin admin(CliContext cli) {
        return new FlagAdmin(cli.database(), cli.config().schema());
    }

    /** "10%, allow-list alice, bob, schema version public_v8": a flag's value and what goes with it, on one line. */
    static String describe(Flag flag) {
        StringBuilder line = new StringBuilder(flag.rollout().toString());
        if (!flag.allow().isEmpty()) {
            line.append(", allow-list ").append(String.join(", ", flag.allow()));
        }
        if (flag.schemaVersion() != null) {
            line.append(", schema version ").append(flag.schemaVersion());
        }
        return line.toString();
    }
}
