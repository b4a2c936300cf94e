package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.Command;

/** Every failure ends as keel's one error line with its documented exit code, and --json always prints its document. */
class ErrorReportTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String BUG_LINE_END =
            " — this is a Keel bug; please report it with the output of the same command run with -v [KEEL-CORE-BUG]";

    /** A command whose body breaks an invariant the way a bug would. */
    @Command(name = "explode")
    static final class Explode implements Callable<Integer> {
        private final Throwable failure;

        Explode(Throwable failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() throws Exception {
            if (failure instanceof Exception e) {
                throw e;
            }
            throw (Error) failure;
        }
    }

    private static Cli.Run withExplode(Throwable failure, String... args) {
        return Cli.run(() -> KeelCommand.commandLine().addSubcommand(new Explode(failure)), args);
    }

    private static JsonNode error(Cli.Run run) throws Exception {
        return JSON.readTree(run.stdout()).get("error");
    }

    @Test
    void anUnknownCommandUnderJsonStillPrintsTheErrorDocument() throws Exception {
        Cli.Run run = Cli.run("--json", "migrat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("migrat")
                .contains("--help");
        assertThat(error(run).get("exitCode").asInt()).isEqualTo(2);
        assertThat(error(run).get("message").asText()).contains("migrat");
        assertThat(error(run).get("todo").asText()).contains("--help");
        assertThat(error(run).get("code").asText()).isEqualTo("KEEL-CORE-COMMAND-LINE");
    }

    @Test
    void anUnknownOptionUnderJsonStillPrintsTheErrorDocument() throws Exception {
        Cli.Run run = Cli.run("migrate", "--jsonn", "--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(error(run).get("message").asText()).contains("--jsonn");
    }

    @Test
    void aMissingCommandUnderJsonStillPrintsTheErrorDocument() throws Exception {
        Cli.Run run = Cli.run("--json");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(error(run).get("message").asText()).contains("a command is missing");
    }

    @Test
    void withoutJsonAUsageErrorPrintsNothingOnStdout() {
        Cli.Run run = Cli.run("migrat");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.stdout()).isEmpty();
    }

    @Test
    void anUnexpectedExceptionIsAKeelBugWithExit70() {
        Cli.Run run = withExplode(new IllegalStateException("the plan lost a step"), "explode");

        assertThat(run.exitCode()).isEqualTo(70);
        assertThat(run.errorLines())
                .containsExactly(
                        "keel: error: internal error in keel (java.lang.IllegalStateException)" + BUG_LINE_END);
        assertThat(run.stderr()).doesNotContain("check the command's arguments", "the plan lost a step", "\tat ");
    }

    /** Regression: an IllegalArgumentException was blamed on the user ("check the command's arguments", exit 2). */
    @Test
    void anIllegalArgumentExceptionIsABugTooNotTheUsersArguments() {
        Cli.Run run = withExplode(new IllegalArgumentException("index out of range"), "explode");

        assertThat(run.exitCode()).isEqualTo(70);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .startsWith("keel: error: internal error in keel (java.lang.IllegalArgumentException)")
                .doesNotContain("arguments");
    }

    @Test
    void anErrorIsAKeelBugToo() {
        Cli.Run run = withExplode(new AssertionError("unreachable"), "explode");

        assertThat(run.exitCode()).isEqualTo(70);
        assertThat(run.errorLines())
                .containsExactly("keel: error: internal error in keel (java.lang.AssertionError)" + BUG_LINE_END);
    }

    @Test
    void aBugUnderJsonPrintsItsDocument() throws Exception {
        Cli.Run run = withExplode(new NullPointerException(), "--json", "explode");

        assertThat(run.exitCode()).isEqualTo(70);
        JsonNode error = error(run);
        assertThat(error.get("exitCode").asInt()).isEqualTo(70);
        assertThat(error.get("bug").asBoolean()).isTrue();
        assertThat(error.get("exception").asText()).isEqualTo("java.lang.NullPointerException");
        assertThat(error.get("todo").asText()).contains("Keel bug", "-v");
        assertThat(error.get("code").asText()).isEqualTo("KEEL-CORE-BUG");
    }

    @Test
    void everyErrorLineEndsWithItsStableCode() throws Exception {
        Cli.Run run = withExplode(
                new KeelException(CoreError.LOCK_TIMEOUT, "the lock on t was held", "retry"), "--json", "explode");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .isEqualTo("keel: error: the lock on t was held — retry [KEEL-CORE-LOCK-TIMEOUT]");
        assertThat(error(run).get("code").asText()).isEqualTo("KEEL-CORE-LOCK-TIMEOUT");
    }

    @Test
    void aBugUnderVerboseShowsTheStackTraceForTheReport() {
        Cli.Run run = withExplode(new IllegalStateException("the plan lost a step"), "-v", "explode");

        assertThat(run.exitCode()).isEqualTo(70);
        assertThat(run.stderr())
                .contains(
                        "java.lang.IllegalStateException: the plan lost a step",
                        "\tat " + ErrorReportTest.class.getName());
    }

    @Test
    void anIoFailureIsAnOperationFailureNotABug() {
        Cli.Run run = withExplode(new UncheckedIOException(new NoSuchFileException("/data/x")), "explode");

        assertThat(run.exitCode()).isEqualTo(4);
        assertThat(run.errorLines()).singleElement().asString().contains("I/O failed", "/data/x");
    }

    @Test
    void anInterruptionIsExit130() {
        Cli.Run run = withExplode(new InterruptedException(), "explode");

        assertThat(run.exitCode()).isEqualTo(130);
    }
}
