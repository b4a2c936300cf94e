package dev.keel.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.error.CoreError;
import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a failure reaches the user: one line on stderr, the JSON error document on stdout under
 * {@code --json} (also for usage errors, so a script always gets its one document), the cause chain
 * under {@code -v}. Anything that is neither a {@link KeelException} nor I/O is a broken invariant:
 * a Keel bug (exit 70), never blamed on the command's arguments.
 */
final class ErrorReport {
    static final String BUG_TODO =
            "this is a Keel bug; please report it with the output of the same command run with -v";

    /**
     * What is printed for one failure. {@code exception} names the class of a bug, null otherwise. The code closes the
     * line, where it does not get in the way of reading and a script finds it without parsing the wording.
     */
    record Failure(ErrorCode code, String what, String todo, String exception) {
        ExitCode exitCode() {
            return code.exitCode();
        }

        String line() {
            return "keel: error: " + (todo == null || todo.isBlank() ? what : what + " — " + todo) + " [" + code.id()
                    + "]";
        }
    }

    private ErrorReport() {}

    static Failure classify(Throwable e) {
        if (e instanceof KeelException k) {
            return new Failure(k.code(), k.what(), k.todo(), null);
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            // The message of an I/O failure names the file and the reason; it holds no secret.
            return new Failure(
                    CoreError.IO_FAILED,
                    "I/O failed: " + e.getMessage(),
                    "check the path, its permissions and the free space; -v shows the cause",
                    null);
        }
        if (e instanceof InterruptedException) {
            return new Failure(CoreError.INTERRUPTED, "interrupted", null, null);
        }
        // The message is left out on purpose: an unexpected exception's text was never meant for a
        // person and may quote input verbatim (a URL, a password). -v shows it.
        return new Failure(
                CoreError.BUG,
                "internal error in keel (" + e.getClass().getName() + ")",
                BUG_TODO,
                e.getClass().getName());
    }

    /** Prints the failure and returns its exit code. */
    static int print(Throwable e, boolean json, boolean verbose, PrintWriter out, PrintWriter err) {
        Failure failure = classify(e);
        err.println(failure.line());
        if (json) {
            printDocument(failure, out);
        }
        if (verbose && failure.exitCode() == ExitCode.BUG) {
            // What a bug report needs: the whole trace, causes included.
            e.printStackTrace(err);
        } else if (verbose) {
            Throwable cause = e instanceof KeelException ? e.getCause() : e;
            for (; cause != null; cause = cause.getCause()) {
                err.println("  caused by: " + cause);
            }
        }
        err.flush();
        return failure.exitCode().code();
    }

    static int printUsage(String what, String todo, boolean json, PrintWriter out, PrintWriter err) {
        Failure failure = new Failure(CoreError.COMMAND_LINE, what, todo, null);
        err.println(failure.line());
        err.flush();
        if (json) {
            printDocument(failure, out);
        }
        return failure.exitCode().code();
    }

    private static void printDocument(Failure failure, PrintWriter out) {
        out.println(document(failure));
        out.flush();
    }

    static String document(Failure failure) {
        Map<String, Object> error = new LinkedHashMap<>();
        error.put("code", failure.code().id());
        error.put("exitCode", failure.exitCode().code());
        error.put("message", failure.what());
        if (failure.todo() != null && !failure.todo().isBlank()) {
            error.put("todo", failure.todo());
        }
        if (failure.exception() != null) {
            error.put("bug", true);
            error.put("exception", failure.exception());
        }
        try {
            return new ObjectMapper().writerWithDefaultPrettyPrinter().writeValueAsString(Map.of("error", error));
        } catch (JsonProcessingException e) {
            return "{\"error\": {\"exitCode\": " + failure.exitCode().code() + "}}";
        }
    }
}
