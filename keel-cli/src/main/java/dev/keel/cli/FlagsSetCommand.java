package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.flags.FlagSetResult;
import dev.keel.flags.FlagUpdate;
import dev.keel.flags.Rollout;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "set",
        description = {
            "Set a flag: on, off or a share of subjects (10%, 12.5%), creating it (and keel's flag tables) on first use.",
            "A subject enabled at 10% stays enabled at 20%, 50%, on. Allow-listed subjects always have the flag. "
                    + "Every change is recorded with the database role and KEEL_ACTOR (or the OS user): keel flags history NAME."
        })
final class FlagsSetCommand implements Callable<Integer> {

    @ParentCommand
    FlagsCommand flags;

    @Parameters(index = "0", paramLabel = "NAME", description = "The flag, e.g. checkout-v8.")
    String name;

    @Parameters(
            index = "1",
            arity = "0..1",
            paramLabel = "VALUE",
            description = "on, off or a percentage such as 10% (two decimals at most); left out, the value stays.")
    String value;

    static final class Allow {
        @Option(
                names = "--allow",
                split = ",",
                paramLabel = "KEY",
                description = "Subject keys that always have the flag, comma-separated; replaces the allow-list.")
        List<String> keys;

        @Option(names = "--clear-allow", description = "Empty the allow-list.")
        boolean clear;
    }

    @ArgGroup(exclusive = true)
    Allow allow;

    static final class Version {
        @Option(
                names = "--schema-version",
                paramLabel = "SCHEMA",
                description = "The schema version (e.g. public_v8) enabled subjects use through VersionedDataSource.")
        String schema;

        @Option(names = "--no-schema-version", description = "Unlink the flag from its schema version.")
        boolean clear;
    }

    @ArgGroup(exclusive = true)
    Version version;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(flags.parent.global);
        FlagUpdate update = new FlagUpdate(
                name,
                value == null ? null : Rollout.parse(value),
                allow == null ? null : allow.clear ? List.of() : keys(allow.keys),
                version == null ? null : version.schema,
                version != null && version.clear);
        FlagSetResult result = FlagsCommand.admin(cli).set(update, actor(cli));
        if (cli.json()) {
            cli.printJson(result);
        } else {
            String before = result.before() == null ? "new" : FlagsCommand.describe(result.before());
            cli.out()
                    .println(result.after().name() + ": " + before + " → " + FlagsCommand.describe(result.after())
                            + " in " + result.database() + " (by "
                            + result.after().updatedBy() + ")");
        }
        return ExitCode.OK.code();
    }

    private static List<String> keys(List<String> given) {
        return given.stream().map(String::strip).filter(k -> !k.isEmpty()).toList();
    }

    /** The person or job behind the database role: KEEL_ACTOR when set (a CI job names itself), else the OS user. */
    static String actor(CliContext cli) {
        String actor = cli.env().get("KEEL_ACTOR");
        return actor != null && !actor.isBlank() ? actor : System.getProperty("user.name");
    }
}
