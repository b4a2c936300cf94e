package dev.keel.cli;

import dev.keel.app.JsonOutput;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code --help} and {@code --version} under {@code --json}: stdout still carries exactly one JSON document, so a
 * script reading it never gets the human help. The usage text is in it too, as the help prints it.
 */
final class JsonHelp {

    private JsonHelp() {}

    /** Prints the JSON answer when --json asked for help or the version; returns null when it did not. */
    static Integer answer(CommandLine.ParseResult parsed) {
        if (!matchedAnywhere(parsed, "--json")) {
            return null;
        }
        CommandLine.ParseResult last = parsed;
        while (last.subcommand() != null) {
            last = last.subcommand();
        }
        CommandLine asked = last.commandSpec().commandLine();
        if (asked.getCommand() instanceof CommandLine.HelpCommand) {
            // keel --json help [COMMAND …]: the help of the command named, else of the command above help.
            CommandLine about = asked.getParent();
            List<String> names = new ArrayList<>();
            last.matchedPositionals().forEach(p -> names.addAll(p.stringValues()));
            for (String name : names) {
                CommandLine sub = about.getSubcommands().get(name);
                if (sub == null) {
                    return null; // picocli's own handling reports the unknown name as a usage error
                }
                about = sub;
            }
            return print(asked, help(about));
        }
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.isUsageHelpRequested()) {
                return print(asked, help(p.commandSpec().commandLine()));
            }
            if (p.isVersionHelpRequested()) {
                return print(asked, Map.of("version", List.of(p.commandSpec().version())));
            }
        }
        return null;
    }

    /** The command, what it does, its usage as the help prints it, its options and its subcommands. */
    static Map<String, Object> help(CommandLine command) {
        CommandSpec spec = command.getCommandSpec();
        Map<String, Object> help = new LinkedHashMap<>();
        help.put("command", spec.qualifiedName());
        help.put("description", String.join("\n", spec.usageMessage().description()));
        help.put("usage", command.getUsageMessage(CommandLine.Help.Ansi.OFF));
        List<Object> options = new ArrayList<>();
        for (OptionSpec option : spec.options()) {
            if (option.hidden()) {
                continue;
            }
            Map<String, Object> o = new LinkedHashMap<>();
            o.put("names", List.of(option.names()));
            o.put("value", option.arity().max() > 0 ? option.paramLabel() : null);
            o.put("description", String.join("\n", option.description()));
            options.add(o);
        }
        help.put("options", options);
        help.put("subcommands", new ArrayList<>(command.getSubcommands().keySet()));
        return help;
    }

    private static int print(CommandLine cl, Object document) {
        PrintWriter out = cl.getOut();
        out.println(JsonOutput.write(document));
        out.flush();
        return 0;
    }

    private static boolean matchedAnywhere(CommandLine.ParseResult parsed, String option) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }
}
