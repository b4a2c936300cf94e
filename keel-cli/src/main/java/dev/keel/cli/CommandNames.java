package dev.keel.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Command;

/** Which top-level command a command line names, read before picocli builds any command's model. */
final class CommandNames {
    /** keel's own options that take a value: the value is no command name, even when it reads like one. */
    private static final Set<String> WITH_VALUE = Set.of("-C", "--url", "--config");

    private CommandNames() {}

    /** @return the command's name or alias, or null when there is none or it names no command (or names help) */
    static String chosen(String[] args, List<Class<?>> commands) {
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--")) {
                return null;
            }
            if (WITH_VALUE.contains(arg)) {
                i++;
            } else if (!arg.startsWith("-")) {
                for (Class<?> command : commands) {
                    List<String> names = names(command);
                    if (names.contains(arg)) {
                        // help reads the other commands' models to describe them.
                        return names.contains("help") ? null : arg;
                    }
                }
                return null;
            }
        }
        return null;
    }

    /** A command class's name and aliases. */
    static List<String> names(Class<?> command) {
        Command annotation = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>();
        names.add(annotation.name());
        names.addAll(List.of(annotation.aliases()));
        return names;
    }
}
