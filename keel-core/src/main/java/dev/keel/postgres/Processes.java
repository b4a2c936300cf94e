package dev.keel.postgres;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs PostgreSQL's own programs. PostgreSQL refuses to run as root; when keel runs as root (CI
 * does) it starts them in a fresh user namespace, where the process is unprivileged but still owns
 * the files keel created, so nothing has to be handed to another user.
 */
public final class Processes {
    private static final boolean ROOT = detectRoot();

    private Processes() {}

    public static boolean runningAsRoot() {
        return ROOT;
    }

    /** The command as it must be started to be accepted by PostgreSQL's programs. */
    public static List<String> asPostgresUser(List<String> command) {
        if (!ROOT) {
            return command;
        }
        List<String> wrapped = new ArrayList<>();
        wrapped.add("unshare");
        wrapped.add("--user");
        wrapped.addAll(command);
        return wrapped;
    }

    /** Runs to completion and returns stdout+stderr; a non-zero exit is an operation failure. */
    public static String run(List<String> command, long timeoutSeconds, String what) {
        ProcessBuilder builder = new ProcessBuilder(asPostgresUser(command)).redirectErrorStream(true);
        builder.environment().remove("PGDATA");
        builder.environment().put("LC_ALL", "C.UTF-8");
        try {
            Path output = Files.createTempFile("keel-proc", ".log");
            try {
                builder.redirectOutput(output.toFile());
                Process process = builder.start();
                if (!process.waitFor(timeoutSeconds, TimeUnit.SECONDS)) {
                    process.destroyForcibly();
                    throw new KeelException(
                            CoreError.PROCESS_FAILED,
                            what + " did not finish within " + timeoutSeconds + "s",
                            "look at the PostgreSQL log for the cause");
                }
                String text = Files.readString(output, StandardCharsets.UTF_8);
                if (process.exitValue() != 0) {
                    throw new KeelException(
                            CoreError.PROCESS_FAILED,
                            what + " failed: " + lastLines(text, 3),
                            "look at the PostgreSQL log for the cause");
                }
                return text;
            } finally {
                Files.deleteIfExists(output);
            }
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.PROCESS_FAILED,
                    what + " could not be started: " + e.getMessage(),
                    "check that the PostgreSQL binaries are installed and executable",
                    e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(CoreError.INTERRUPTED, what + " was interrupted", "");
        }
    }

    static String lastLines(String text, int n) {
        List<String> lines = text.strip().lines().filter(l -> !l.isBlank()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - n), lines.size()));
    }

    private static boolean detectRoot() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("Uid:")) {
                    return line.split("\\s+")[2].equals("0");
                }
            }
        } catch (IOException | RuntimeException e) {
            // Not Linux: fall back to the user name.
        }
        return "root".equals(System.getProperty("user.name"));
    }
}
