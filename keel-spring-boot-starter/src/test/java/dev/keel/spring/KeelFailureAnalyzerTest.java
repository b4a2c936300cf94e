package dev.keel.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

class KeelFailureAnalyzerTest {

    @Test
    void explainsAKeelErrorWithItsCodeAndWhatToDo() {
        KeelException keel = new KeelException(
                MigrateError.CHECKSUM_CHANGED,
                "V1__create_item.sql was changed after it was applied",
                "restore the file as it was applied, or run keel repair");
        FailureAnalysis analysis = new KeelFailureAnalyzer()
                .analyze(new BeanCreationException("keelMigrationInitializer", "failed", keel));
        assertThat(analysis.getDescription())
                .isEqualTo(
                        "Keel: V1__create_item.sql was changed after it was applied [KEEL-MIGRATE-CHECKSUM-CHANGED]");
        assertThat(analysis.getAction())
                .startsWith("Restore the file as it was applied, or run keel repair.")
                .contains("docs/errors.md");
        assertThat(analysis.getCause()).isSameAs(keel);
    }

    @Test
    void leavesOtherFailuresToOtherAnalyzers() {
        assertThat(new KeelFailureAnalyzer().analyze(new IllegalStateException("not keel")))
                .isNull();
    }
}
