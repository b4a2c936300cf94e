package dev.keel.cli;

/** The {@code keel} command. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    public static int run(String... args) {
        // Libraries log to stderr and only when something is wrong; keel's own output is the report.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        return KeelCommand.commandLine().execute(args);
    }
}
