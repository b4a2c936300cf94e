package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class StatementWindowTest {

    @Test
    void aQueryValueNamesItsWindowAndAnythingElseIsTheLastHour() {
        assertThat(StatementWindow.of("24h").length()).isEqualTo(Duration.ofDays(1));
        assertThat(StatementWindow.of("7d").length()).isEqualTo(Duration.ofDays(7));
        assertThat(StatementWindow.of(null)).isEqualTo(StatementWindow.HOUR);
        assertThat(StatementWindow.of("<script>")).isEqualTo(StatementWindow.HOUR);
    }
}
