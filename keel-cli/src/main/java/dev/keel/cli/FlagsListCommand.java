package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.flags.Flag;
import dev.keel.flags.FlagListResult;
import dev.keel.stats.Times;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(name = "list", description = "Show every flag: its value, allow-list, schema version, and who set it when.")
final class FlagsListCommand implements Callable<Integer> {

    @ParentCommand
    FlagsCommand flags;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(flags.parent.global);
        FlagListResult result = FlagsCommand.admin(cli).list();
        if (cli.json()) {
            cli.printJson(result);
        } else if (result.flags().isEmpty()) {
            cli.out().println("No flags in " + result.database() + "; create one with: keel flags set NAME off");
        } else {
            int width = result.flags().stream()
                    .mapToInt(f -> f.name().length())
                    .max()
                    .orElse(0);
            cli.out().println("Flags in " + result.database() + ":");
            for (Flag flag : result.flags()) {
                cli.out()
                        .printf(
                                "  %-" + width + "s  %s  (set %s by %s)%n",
                                flag.name(),
                                FlagsCommand.describe(flag),
                                Times.format(flag.updatedAt()),
                                flag.updatedBy());
            }
        }
        return ExitCode.OK.code();
    }
}
