package dev.keel.agent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.agent.http.ListenAddress;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class AgentConfigurationTest {
    private static final ConnectionSource NOWHERE =
            ConnectionSource.of(TargetParser.parse("jdbc:postgresql://127.0.0.1:1/none", "u", null, "test"));

    @Test
    void anAgentNeedsItsConfigurationAndItsDatabase() {
        assertThatThrownBy(() -> Agent.configure().load()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Agent.configure()
                        .config(KeelYaml.defaults(Path.of(".")))
                        .load())
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void loadingStartsNothingAndListenDefaultsToAgentListen() {
        Agent agent = Agent.configure()
                .config(KeelYaml.defaults(Path.of(".")))
                .connections(NOWHERE)
                .load();

        assertThat(agent.address()).isNull();
        assertThat(agent.status().role()).isEqualTo("standby");
        assertThat(agent.status().database()).isEqualTo("down");
        assertThat(AgentSection.LISTEN.defaultValue()).isEqualTo(new ListenAddress("127.0.0.1", 7432));
    }
}
