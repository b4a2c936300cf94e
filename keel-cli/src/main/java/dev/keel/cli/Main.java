package dev.keel.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.logging.Level;
import java.util.logging.Logger;
import picocli.CommandLine;

/** The {@code keel} command. */
public final class Main {
    /**
     * pgjdbc reports some faults twice: as an exception keel turns into its one error line, and as a
     * java.util.logging WARNING printed before it, which may quote the URL. Held here because
     * java.util.logging keeps loggers only weakly, and a collected logger forgets its level.
     */
    private static final Logger PGJDBC_LOG = Logger.getLogger("org.postgresql");

    private Main() {}

    public static void main(String[] args) {
        utf8Output();
        System.exit(run(args));
    }

    /**
     * keel's output is UTF-8 whatever the locale: Java 17 encodes System.out in the locale's charset, and under LANG=C
     * that turned every '—' and '×' into '?'. Set in main only, so that an embedding JVM keeps its own streams.
     */
    static void utf8Output() {
        System.setOut(utf8(FileDescriptor.out));
        System.setErr(utf8(FileDescriptor.err));
    }

    private static PrintStream utf8(FileDescriptor fd) {
        return new PrintStream(new BufferedOutputStream(new FileOutputStream(fd), 8192), true, StandardCharsets.UTF_8);
    }

    public static int run(String... args) {
        return run(KeelCommand.commandLine(args), args);
    }

    /** Runs {@code args} on {@code cl}; whatever escapes the command is still reported in keel's form. */
    static int run(CommandLine cl, String... args) {
        // Libraries log to stderr and only when something is wrong; keel's own output is the report.
        System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
        System.setProperty("org.slf4j.simpleLogger.logFile", "System.err");
        PGJDBC_LOG.setLevel(Level.OFF);
        try {
            return cl.execute(args);
        } catch (RuntimeException | Error e) {
            // picocli hands exceptions to KeelCommand's handler; an Error (or a failing handler) ends up here.
            return ErrorReport.print(e, has(args, "--json"), has(args, "-v", "--verbose"), cl.getOut(), cl.getErr());
        }
    }

    /** Global options may stand anywhere before "--"; used when parsing failed or never finished. */
    static boolean has(String[] args, String... options) {
        for (String arg : args) {
            if (arg.equals("--")) {
                return false;
            }
            if (Arrays.asList(options).contains(arg)) {
                return true;
            }
        }
        return false;
    }
}
