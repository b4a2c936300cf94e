package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "keel", mixinStandardHelpOptions = true, versionProvider = KeelCommand.Version.class,
        description = "Keel: versioned migrations, safety checks and the foundation a growing PostgreSQL database needs.",
        subcommands = {MigrateCommand.class, CheckCommand.class, InfoCommand.class, ValidateCommand.class, BaselineCommand.class, RepairCommand.class,
                NewCommand.class, ImportFlywayCommand.class, DbCommand.class, StatsCommand.class, TopCommand.class, AdviseCommand.class,
                DoctorCommand.class, BackupCommand.class, WalCommand.class, RestoreCommand.class, DrillCommand.class, CommandLine.HelpCommand.class})
public final class KeelCommand implements Runnable {

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }

    static CommandLine commandLine() {
        CommandLine cl = new CommandLine(new KeelCommand());
        // Every usage error says "run 'keel COMMAND --help'": so every command, at every level, answers --help.
        withHelp(cl);
        cl.setExecutionExceptionHandler(KeelCommand::onFailure);
        cl.setParameterExceptionHandler(KeelCommand::onBadUsage);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        return cl;
    }

    private static void withHelp(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions() && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelp(sub);
        }
    }

    private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("keel: error: " + e.getMessage() + " — run '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help' for usage");
        err.flush();
        return ExitCode.USAGE.code();
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        PrintWriter err = cl.getErr();
        boolean verbose = anyMatched(parsed, "-v");
        int code;
        if (e instanceof KeelException k) {
            err.println("keel: error: " + k.getMessage());
            code = k.exitCode().code();
        } else if (e instanceof IllegalArgumentException) {
            err.println("keel: error: " + e.getMessage() + " — check the command's arguments");
            code = ExitCode.USAGE.code();
        } else {
            err.println("keel: error: unexpected " + e.getClass().getSimpleName() + ": " + e.getMessage()
                    + " — rerun with -v and report it with the output");
            code = ExitCode.OPERATION.code();
        }
        if (anyMatched(parsed, "--json")) {
            // --json promises exactly one document on stdout, also when the command fails.
            PrintWriter out = cl.getOut();
            out.println(errorDocument(e, code));
            out.flush();
        }
        if (verbose) {
            Throwable cause = e instanceof KeelException ? e.getCause() : e;
            while (cause != null) {
                err.println("  caused by: " + cause);
                cause = cause.getCause();
            }
            if (!(e instanceof KeelException)) {
                e.printStackTrace(err);
            }
        }
        err.flush();
        return code;
    }

    private static String errorDocument(Exception e, int code) {
        java.util.Map<String, Object> error = new java.util.LinkedHashMap<>();
        error.put("exitCode", code);
        if (e instanceof KeelException k) {
            error.put("message", k.what());
            error.put("todo", k.todo());
        } else {
            error.put("message", String.valueOf(e.getMessage()));
        }
        try {
            return new com.fasterxml.jackson.databind.ObjectMapper().writerWithDefaultPrettyPrinter()
                    .writeValueAsString(java.util.Map.of("error", error));
        } catch (com.fasterxml.jackson.core.JsonProcessingException ex) {
            return "{\"error\": {\"exitCode\": " + code + "}}";
        }
    }

    /** Global options may stand before or after the command: look at every level. */
    private static boolean anyMatched(CommandLine.ParseResult parsed, String option) {
        for (CommandLine.ParseResult p = parsed; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption(option)) {
                return true;
            }
        }
        return false;
    }

    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            java.util.Properties build = new java.util.Properties();
            try (var in = KeelCommand.class.getResourceAsStream("/dev/keel/keel-build.properties")) {
                build.load(in);
            } catch (Exception e) {
                return new String[] {"keel (unknown version)"};
            }
            return new String[] {"keel " + build.getProperty("keel.version"), "embedded PostgreSQL " + build.getProperty("embedded.binaries.version")};
        }
    }
}
