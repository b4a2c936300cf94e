package dev.keel.maven;

import dev.keel.error.CoreError;
import dev.keel.error.ErrorCode;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;

/**
 * Keel's failures in Maven's terms, with the command line's one-line message and error code. What keel reports with
 * exit code 1 (a finding, a validation problem, a migration its checks refuse) is the project's fault and fails the
 * build as a {@link MojoFailureException}; every other code (configuration, an unreachable database, a failed
 * operation, a keel bug) is a {@link MojoExecutionException}. {@code mvn -e} shows the cause chain, as {@code -v} does.
 */
final class MojoFailures {
    static final String BUG_TODO = "this is a Keel bug; please report it with the output of the same build run with -e";

    private MojoFailures() {}

    static void raise(Throwable e) throws MojoFailureException, MojoExecutionException {
        if (e instanceof KeelException k) {
            String line = line(k.code(), k.what(), k.todo());
            if (k.exitCode() == ExitCode.FAILED) {
                throw new MojoFailureException(line, k);
            }
            throw new MojoExecutionException(line, k);
        }
        if (e instanceof IOException || e instanceof UncheckedIOException) {
            // The message of an I/O failure names the file and the reason; it holds no secret.
            throw new MojoExecutionException(
                    line(
                            CoreError.IO_FAILED,
                            "I/O failed: " + e.getMessage(),
                            "check the path, its permissions and the free space; -e shows the cause"),
                    e);
        }
        // The message is left out on purpose: an unexpected exception's text was never meant for a person and may
        // quote input verbatim (a URL, a password). -e shows it.
        throw new MojoExecutionException(
                line(CoreError.BUG, "internal error in keel (" + e.getClass().getName() + ")", BUG_TODO), e);
    }

    /** The command line's error line: {@code keel: error: what — what to do [CODE]}. */
    static String line(ErrorCode code, String what, String todo) {
        return "keel: error: " + (todo == null || todo.isBlank() ? what : what + " — " + todo) + " [" + code.id() + "]";
    }
}
