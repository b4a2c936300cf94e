package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A renamed option would make a training step fail at parsing and leave its command's classes out of the archive. */
class ArchiveTrainingTest {
    @Test
    void everyStepIsACommandLineKeelAccepts() {
        List<List<String>> steps = ArchiveTraining.steps(Path.of("/checkout"), Path.of("/tmp/project"));
        assertThat(steps).hasSizeGreaterThan(3);
        for (List<String> step : steps) {
            assertThatCode(() -> KeelCommand.commandLine().parseArgs(step.toArray(String[]::new)))
                    .as(String.join(" ", step))
                    .doesNotThrowAnyException();
        }
    }

    @Test
    void noStepCanReachARealDatabaseOrTheEmbeddedOne() {
        for (List<String> step : ArchiveTraining.steps(Path.of("/checkout"), Path.of("/tmp/project"))) {
            boolean readsOnly = step.contains("check");
            assertThat(readsOnly || step.contains("postgresql://127.0.0.1:1/keel_training"))
                    .as(String.join(" ", step))
                    .isTrue();
        }
    }
}
