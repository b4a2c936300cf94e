package dev.keel.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import java.io.UncheckedIOException;
import java.nio.file.NoSuchFileException;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;

class MojoFailuresTest {

    @Test
    void aFailureOfTheProjectFailsTheBuildWithKeelsLine() {
        KeelException e = new KeelException(MigrateError.CHECKSUM_CHANGED, "V1 changed", "restore the file");

        assertThatThrownBy(() -> MojoFailures.raise(e))
                .isInstanceOf(MojoFailureException.class)
                .hasMessage("keel: error: V1 changed — restore the file [KEEL-MIGRATE-CHECKSUM-CHANGED]")
                .hasCause(e);
    }

    @Test
    void configurationAndConnectionProblemsAreExecutionErrors() {
        assertThatThrownBy(() -> MojoFailures.raise(
                        new KeelException(CoreError.CONFIG_UNKNOWN_KEY, "unknown key 'a.b'", "did you mean 'a.c'?")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageEndingWith("[KEEL-CORE-CONFIG-UNKNOWN-KEY]");
        assertThatThrownBy(() -> MojoFailures.raise(new KeelException(CoreError.DATABASE_UNREACHABLE, "no answer", "")))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessage("keel: error: no answer [KEEL-CORE-DATABASE-UNREACHABLE]");
    }

    @Test
    void ioFailureNamesTheFile() {
        UncheckedIOException e = new UncheckedIOException(new NoSuchFileException("/x/report.sarif"));

        assertThatThrownBy(() -> MojoFailures.raise(e))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("/x/report.sarif")
                .hasMessageEndingWith("[KEEL-CORE-IO-FAILED]");
    }

    @Test
    void anUnexpectedExceptionIsABugWhoseMessageStaysOutOfTheLog() {
        IllegalStateException e = new IllegalStateException("password=hunter2");

        assertThatThrownBy(() -> MojoFailures.raise(e))
                .isInstanceOf(MojoExecutionException.class)
                .hasMessageContaining("internal error in keel (java.lang.IllegalStateException)")
                .hasMessageNotContaining("hunter2")
                .hasMessageEndingWith("[KEEL-CORE-BUG]")
                .hasCause(e);
    }

    @Test
    void lineWithoutTodoHasNoDash() {
        assertThat(MojoFailures.line(CoreError.INTERRUPTED, "interrupted", null))
                .isEqualTo("keel: error: interrupted [KEEL-CORE-INTERRUPTED]");
    }
}
