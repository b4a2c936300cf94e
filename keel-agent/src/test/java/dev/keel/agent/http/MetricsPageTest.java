package dev.keel.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MetricsPageTest {

    @Test
    void servesTheRegistryInPrometheusTextFormat() throws Exception {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        Counter.builder("keel.test.events").register(registry).increment(3);
        try (AgentServer server = AgentServer.start(
                new ListenAddress("127.0.0.1", 0), null, Map.of("/metrics", new MetricsPage(registry)))) {
            HttpResponse<String> response = Requests.get(server.address(), "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type"))
                    .hasValueSatisfying(v -> assertThat(v).startsWith("text/plain; version=0.0.4"));
            assertThat(response.body()).contains("# TYPE keel_test_events_total counter", "keel_test_events_total 3.0");
        }
    }
}
