package dev.keel.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonOutputTest {

    record Result(Instant at, Duration took) {}

    @Test
    void timesAreIsoTextAndDurationsAreSeconds() {
        String json = JsonOutput.write(
                Map.of("result", new Result(Instant.parse("2026-12-02T10:15:30Z"), Duration.ofMillis(1500))));
        assertThat(json).contains("\"at\" : \"2026-12-02T10:15:30Z\"").contains("\"took\" : 1.5");
    }
}
