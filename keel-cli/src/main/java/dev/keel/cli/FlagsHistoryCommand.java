package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.flags.FlagChange;
import dev.keel.flags.FlagHistoryResult;
import dev.keel.stats.Times;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(name = "history", description = "Show every change of a flag, oldest first: when, who, and what changed.")
final class FlagsHistoryCommand implements Callable<Integer> {

    @ParentCommand
    FlagsCommand flags;

    @Parameters(paramLabel = "NAME", description = "The flag, e.g. checkout-v8.")
    String name;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(flags.parent.global);
        FlagHistoryResult result = FlagsCommand.admin(cli).history(name);
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out().println("History of " + result.name() + " in " + result.database() + ":");
            for (FlagChange change : result.changes()) {
                String who = change.actor() == null
                        ? change.databaseRole()
                        : change.databaseRole() + " (" + change.actor() + ")";
                cli.out().println("  " + Times.format(change.changedAt()) + "  " + who + "  " + what(change));
            }
        }
        return ExitCode.OK.code();
    }

    /** "created: 10%", or only what the change changed: "10% → 50%; allow-list alice → (none)". */
    static String what(FlagChange c) {
        if (c.before() == null) {
            List<String> parts = new ArrayList<>(List.of("created: " + c.after()));
            if (!c.allowAfter().isEmpty()) {
                parts.add("allow-list " + String.join(", ", c.allowAfter()));
            }
            if (c.schemaVersionAfter() != null) {
                parts.add("schema version " + c.schemaVersionAfter());
            }
            return String.join("; ", parts);
        }
        List<String> parts = new ArrayList<>();
        if (!c.before().equals(c.after())) {
            parts.add(c.before() + " → " + c.after());
        }
        if (!Objects.equals(c.allowBefore(), c.allowAfter())) {
            parts.add("allow-list " + list(c.allowBefore()) + " → " + list(c.allowAfter()));
        }
        if (!Objects.equals(c.schemaVersionBefore(), c.schemaVersionAfter())) {
            parts.add("schema version " + orNone(c.schemaVersionBefore()) + " → " + orNone(c.schemaVersionAfter()));
        }
        return parts.isEmpty() ? "set again, unchanged: " + c.after() : String.join("; ", parts);
    }

    private static String list(List<String> keys) {
        return keys == null || keys.isEmpty() ? "(none)" : String.join(", ", keys);
    }

    private static String orNone(String value) {
        return value == null ? "(none)" : value;
    }
}
