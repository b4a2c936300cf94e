package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ScrapeConnectionTest {

    @Test
    void shortVersionHasThreeNumbersAsTheExporterPrintsIt() {
        assertThat(ScrapeConnection.shortVersion("15.18 (Debian 15.18-0+deb12u1)"))
                .isEqualTo("15.18.0");
        assertThat(ScrapeConnection.shortVersion("17.2")).isEqualTo("17.2.0");
        assertThat(ScrapeConnection.shortVersion("18beta1")).isEqualTo("18.0.0");
    }
}
