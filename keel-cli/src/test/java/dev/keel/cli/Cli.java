package dev.keel.cli;

import dev.keel.testing.JavaProcess;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import picocli.CommandLine;

/** Runs keel as a user would: in this JVM (fast) or as a separate process (for env, concurrency and kill tests). */
final class Cli {

    record Run(int exitCode, String stdout, String stderr) {
        /** The stderr lines that are not progress lines. */
        List<String> errorLines() {
            return stderr.lines().filter(l -> l.startsWith("keel: error:")).toList();
        }
    }

    private Cli() {}

    static Run run(String... args) {
        return run(KeelCommand::commandLine, args);
    }

    /** Runs {@code args} on the command line {@code commands} builds (built once stdout and stderr are captured). */
    static synchronized Run run(Supplier<CommandLine> commands, String... args) {
        PrintStream out = System.out;
        PrintStream err = System.err;
        ByteArrayOutputStream o = new ByteArrayOutputStream();
        ByteArrayOutputStream e = new ByteArrayOutputStream();
        try {
            System.setOut(new PrintStream(o, true, StandardCharsets.UTF_8));
            System.setErr(new PrintStream(e, true, StandardCharsets.UTF_8));
            int code = Main.run(commands.get(), args);
            return new Run(code, o.toString(StandardCharsets.UTF_8), e.toString(StandardCharsets.UTF_8));
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
    }

    static JavaProcess start(Path workDir, Map<String, String> env, String... args) {
        return JavaProcess.start(Main.class.getName(), workDir, env, List.of(args));
    }

    static Run runProcess(Path workDir, Map<String, String> env, String... args) {
        JavaProcess p = start(workDir, env, args);
        int code = p.waitFor(180);
        return new Run(code, p.stdout(), p.stderr());
    }
}
