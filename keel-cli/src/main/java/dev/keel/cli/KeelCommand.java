package dev.keel.cli;

import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(
        name = "keel",
        mixinStandardHelpOptions = true,
        versionProvider = KeelCommand.Version.class,
        description =
                "Keel: versioned migrations, safety checks and the foundation a growing PostgreSQL database needs.")
public final class KeelCommand implements Runnable {
    /** The commands, in the order help lists them. */
    static final List<Class<?>> COMMANDS = List.of(
            MigrateCommand.class,
            ChangeCommand.class,
            CheckCommand.class,
            InfoCommand.class,
            ValidateCommand.class,
            BaselineCommand.class,
            RepairCommand.class,
            NewCommand.class,
            ImportFlywayCommand.class,
            DbCommand.class,
            StatsCommand.class,
            TopCommand.class,
            AdviseCommand.class,
            DoctorCommand.class,
            BackupCommand.class,
            WalCommand.class,
            RestoreCommand.class,
            DrillCommand.class,
            FlagsCommand.class,
            PartitionsCommand.class,
            ProjectionsCommand.class,
            ReplicaCommand.class,
            UpCommand.class,
            CommandLine.HelpCommand.class);

    @Mixin
    GlobalOptions global;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "a command is missing");
    }

    /** Every command: for help, and for an unknown command, whose error names the nearest one. */
    static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * Only the command {@code args} names, when it names one: picocli reads every option of every command it is
     * given, and all of them took 100-200 ms of every start.
     */
    static CommandLine commandLine(String[] args) {
        CommandLine cl = new CommandLine(new KeelCommand());
        String chosen = args == null ? null : CommandNames.chosen(args, COMMANDS);
        for (Class<?> command : COMMANDS) {
            if (chosen == null || CommandNames.names(command).contains(chosen)) {
                cl.addSubcommand(new CommandLine(command));
            }
        }
        // Every usage error says "run 'keel COMMAND --help'": so every command, at every level, answers --help.
        withHelp(cl);
        cl.setExecutionExceptionHandler(KeelCommand::onFailure);
        cl.setParameterExceptionHandler(KeelCommand::onBadUsage);
        cl.setCaseInsensitiveEnumValuesAllowed(true);
        // With --json, help and the version are JSON too: stdout carries one JSON document, whatever was asked.
        cl.setExecutionStrategy(parsed -> {
            Integer answered = JsonHelp.answer(parsed);
            return answered != null ? answered : new CommandLine.RunLast().execute(parsed);
        });
        // UTF-8 whatever the locale: under LANG=C the platform's charset turned '—' and '×' into '?'.
        cl.setOut(new PrintWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), true));
        cl.setErr(new PrintWriter(new OutputStreamWriter(System.err, StandardCharsets.UTF_8), true));
        return cl;
    }

    private static void withHelp(CommandLine cl) {
        for (CommandLine sub : cl.getSubcommands().values()) {
            if (!sub.getCommandSpec().mixinStandardHelpOptions()
                    && !(sub.getCommand() instanceof CommandLine.HelpCommand)) {
                sub.getCommandSpec().mixinStandardHelpOptions(true);
            }
            withHelp(sub);
        }
    }

    private static int onBadUsage(CommandLine.ParameterException e, String[] args) {
        CommandLine cl = e.getCommandLine();
        return ErrorReport.printUsage(
                e.getMessage(),
                "run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage",
                Main.has(args, "--json"),
                cl.getOut(),
                cl.getErr());
    }

    private static int onFailure(Exception e, CommandLine cl, CommandLine.ParseResult parsed) {
        Throwable failure = e instanceof CommandLine.ExecutionException && e.getCause() != null ? e.getCause() : e;
        return ErrorReport.print(
                failure, anyMatched(parsed, "--json"), anyMatched(parsed, "-v"), cl.getOut(), cl.getErr());
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
            Properties build = new Properties();
            try (var in = KeelCommand.class.getResourceAsStream("/dev/keel/keel-build.properties")) {
                build.load(in);
            } catch (Exception e) {
                return new String[] {"keel (unknown version)"};
            }
            return new String[] {
                "keel " + build.getProperty("keel.version"),
                "embedded PostgreSQL " + build.getProperty("embedded.binaries.version")
            };
        }
    }
}
