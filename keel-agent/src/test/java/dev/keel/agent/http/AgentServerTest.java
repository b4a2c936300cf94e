package dev.keel.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.agent.AgentError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AgentServerTest {

    @Test
    void aPortInUseIsOneLineWithExitCode4() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            ListenAddress at = new ListenAddress("127.0.0.1", taken.getLocalPort());

            assertThatThrownBy(() -> AgentServer.start(at, null, Map.of()))
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.code()).isEqualTo(AgentError.PORT_IN_USE);
                        assertThat(e.exitCode()).isEqualTo(ExitCode.OPERATION);
                        assertThat(e.getMessage()).contains(at.toString()).doesNotContain("\n");
                    });
        }
    }

    @Test
    void anAddressOthersReachNeedsAToken() {
        assertThatThrownBy(() -> AgentServer.start(new ListenAddress("0.0.0.0", 0), null, Map.of()))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.code()).isEqualTo(AgentError.TOKEN_REQUIRED);
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.todo()).contains("agent.token");
                });
    }

    @Test
    void withATokenItListensOnEveryInterfaceAndSaysWhichPortItGot() {
        try (AgentServer server =
                AgentServer.start(new ListenAddress("0.0.0.0", 0), "a-token-of-enough-length", Map.of())) {
            assertThat(server.address().port()).isPositive();
        }
    }
}
