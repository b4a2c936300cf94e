package dev.keel.agent.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.agent.AgentError;
import dev.keel.error.KeelException;
import org.junit.jupiter.api.Test;

class ListenAddressTest {

    @Test
    void readsHostAndPortIpv6InBrackets() {
        assertThat(ListenAddress.parse("127.0.0.1:7432", "--listen")).isEqualTo(new ListenAddress("127.0.0.1", 7432));
        assertThat(ListenAddress.parse("[::1]:8080", "--listen")).isEqualTo(new ListenAddress("::1", 8080));
        assertThat(ListenAddress.parse("[::1]:8080", "--listen").toString()).isEqualTo("[::1]:8080");
        assertThat(ListenAddress.parse("0.0.0.0:7432", "--listen").toString()).isEqualTo("0.0.0.0:7432");
    }

    @Test
    void onlyLoopbackAddressesCountAsLoopback() {
        assertThat(new ListenAddress("127.0.0.1", 1).loopback()).isTrue();
        assertThat(new ListenAddress("::1", 1).loopback()).isTrue();
        assertThat(new ListenAddress("localhost", 1).loopback()).isTrue();
        assertThat(new ListenAddress("0.0.0.0", 1).loopback()).isFalse();
        assertThat(new ListenAddress("10.1.2.3", 1).loopback()).isFalse();
        assertThat(new ListenAddress("no-such-host.invalid", 1).loopback()).isFalse();
    }

    @Test
    void aMalformedAddressIsAUsageErrorNamingWhereItCameFrom() {
        for (String bad : new String[] {"7432", "localhost", "host:0", "host:70000", "host:port", ":7432"}) {
            assertThatThrownBy(() -> ListenAddress.parse(bad, "--listen"))
                    .isInstanceOf(KeelException.class)
                    .hasMessageContaining("--listen must be HOST:PORT")
                    .satisfies(e -> assertThat(((KeelException) e).code()).isEqualTo(AgentError.LISTEN_INVALID));
        }
    }
}
