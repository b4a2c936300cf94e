package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.flags.Flag;
import dev.keel.flags.FlagGetResult;
import dev.keel.stats.Times;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "get", description = "Show one flag; exit 2 when no flag of that name was ever set.")
final class FlagsGetCommand implements Callable<Integer> {

    @ParentCommand
    FlagsCommand flags;

    @Parameters(paramLabel = "NAME", description = "The flag, e.g. checkout-v8.")
    String name;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(flags.parent.global);
        FlagGetResult result = FlagsCommand.admin(cli).get(name);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            Flag flag = result.flag();
            cli.out().println(flag.name() + ": " + FlagsCommand.describe(flag));
            cli.out().println("  set " + Times.format(flag.updatedAt()) + " by " + flag.updatedBy());
        }
        return ExitCode.OK.code();
    }
}
