package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentError;
import dev.keel.error.KeelException;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobLinesTest {
    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void aRunIsOneLineWithJobOutcomeDurationAndFigures() {
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("findings", 3);
        figures.put("critical", 1);
        RunRecord run = new RunRecord("doctor", START, START.plusMillis(1500), Outcome.OK, figures, null);

        assertThat(JobLines.describe(run)).isEqualTo("job doctor ok in 1s: findings=3 critical=1");
    }

    @Test
    void aFailedRunSaysWhy() {
        RunRecord run =
                new RunRecord("fullBackup", START, START.plusSeconds(125), Outcome.FAILED, Map.of(), "disk full");

        assertThat(JobLines.describe(run)).isEqualTo("job fullBackup failed in 2min 5s — disk full");
    }

    @Test
    void aFailureIsItsFirstLineOnly() {
        assertThat(JobLines.oneLine(new IllegalStateException("first\nsecond")))
                .isEqualTo("IllegalStateException: first");
        assertThat(JobLines.oneLine(new KeelException(AgentError.HISTORY_FAILED, "it broke", "retry")))
                .isEqualTo("it broke — retry");
    }
}
