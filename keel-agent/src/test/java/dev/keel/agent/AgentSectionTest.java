package dev.keel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.http.ListenAddress;
import dev.keel.config.KeelYaml;
import dev.keel.testing.ConfigSectionTestBase;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keel.yaml's agent: section. */
class AgentSectionTest extends ConfigSectionTestBase {

    @Test
    void defaultsListenOnLoopbackWithoutATokenAndKeepAMonthOfHistory() throws IOException {
        KeelYaml config = load("schema: keel\n");

        assertThat(config.get(AgentSection.LISTEN)).isEqualTo(new ListenAddress("127.0.0.1", 7432));
        assertThat(config.get(AgentSection.TOKEN)).isNull();
        assertThat(config.get(AgentSection.HISTORY)).isEqualTo(Duration.ofDays(30));
    }

    @Test
    void keelYamlAndTheEnvironmentSetThem() throws IOException {
        KeelYaml config = load(
                "agent:\n  listen: 0.0.0.0:9000\n  token: ${AGENT_SECRET}\n  history: 7d\n",
                Map.of("AGENT_SECRET", "0123456789abcdef0123", "KEEL_AGENT_HISTORY", "14d"));

        assertThat(config.get(AgentSection.LISTEN)).isEqualTo(new ListenAddress("0.0.0.0", 9000));
        assertThat(config.get(AgentSection.TOKEN)).isEqualTo("0123456789abcdef0123");
        assertThat(config.get(AgentSection.HISTORY)).isEqualTo(Duration.ofDays(14));
    }

    @Test
    void aShortTokenABadAddressOrAShortHistoryIsRefused() {
        usageError(() -> load("agent:\n  token: short\n"))
                .satisfies(e -> assertThat(e.what())
                        .contains("'agent.token' must be at least 16 characters")
                        .doesNotContain("short"));
        usageError(() -> load("agent:\n  listen: 7432\n"))
                .satisfies(e -> assertThat(e.what()).contains("'agent.listen' must be HOST:PORT"));
        usageError(() -> load("agent:\n  history: 10min\n"))
                .satisfies(e -> assertThat(e.what()).contains("'agent.history' must be at least 1h"));
    }
}
