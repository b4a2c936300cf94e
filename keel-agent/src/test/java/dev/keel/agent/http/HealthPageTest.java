package dev.keel.agent.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.agent.jobs.Outcome;
import dev.keel.agent.jobs.RunRecord;
import dev.keel.app.JsonOutput;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HealthPageTest {

    @Test
    void saysTheRoleTheDatabaseAndTheLastRunsAsJson() throws Exception {
        RunRecord run = new RunRecord(
                "doctor",
                Instant.parse("2026-12-03T10:00:00Z"),
                Instant.parse("2026-12-03T10:00:02Z"),
                Outcome.OK,
                Map.of("findings", 2),
                null);
        AgentStatus status = new AgentStatus("standby", "down", List.of("snapshot"), List.of(run));
        try (AgentServer server = AgentServer.start(
                new ListenAddress("127.0.0.1", 0), null, Map.of("/health", new HealthPage(() -> status)))) {
            HttpResponse<String> response = Requests.get(server.address(), "/health");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type")).contains("application/json");
            JsonNode health = JsonOutput.mapper().readTree(response.body());
            assertThat(health.get("role").asText()).isEqualTo("standby");
            assertThat(health.get("database").asText()).isEqualTo("down");
            assertThat(health.get("running").get(0).asText()).isEqualTo("snapshot");
            JsonNode last = health.get("lastRuns").get(0);
            assertThat(last.get("job").asText()).isEqualTo("doctor");
            assertThat(last.get("outcome").asText()).isEqualTo("ok");
            assertThat(last.get("figures").get("findings").asInt()).isEqualTo(2);
        }
    }
}
