package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.flags.FlagSetResult;
import dev.keel.flags.FlagUpdate;
import dev.keel.flags.Rollout;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;
import picocli.CommandLine;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Unmatched;

@Command(
        name = "set",
        description = {
            "Set a flag: on, off or a share of subjects (10%, 12.5%), creating it (and keel's flag tables) on first use.",
            "A subject enabled at 10% stays enabled at 20%, 50%, on. Allow-listed subjects always have the flag. "
                    + "Every change is recorded with the database role and KEEL_ACTOR (or the OS user): keel flags history NAME."
        })
final class FlagsSetCommand implements Callable<Integer> {
    /** A negative share such as -5%: picocli would take it for an unknown option and say only that. */
    private static final Pattern NEGATIVE = Pattern.compile("-[0-9.].*");

    @ParentCommand
    FlagsCommand flags;

    @Spec
    CommandSpec spec;

    /** What picocli could not place, to tell a value that starts with '-' from a mistyped option. */
    @Unmatched
    List<String> unmatched;

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
        placeUnmatched();
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

    /** A negative share is the value, which Rollout refuses with what to do; anything else is a usage error. */
    private void placeUnmatched() {
        if (unmatched == null || unmatched.isEmpty()) {
            return;
        }
        if (value == null
                && unmatched.size() == 1
                && NEGATIVE.matcher(unmatched.get(0)).matches()) {
            value = unmatched.get(0);
            return;
        }
        throw new CommandLine.UnmatchedArgumentException(spec.commandLine(), unmatched);
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
