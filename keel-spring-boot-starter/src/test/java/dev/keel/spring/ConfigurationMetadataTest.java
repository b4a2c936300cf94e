package dev.keel.spring;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The metadata IDEs read to complete and document {@code keel.*}, made by Boot's configuration processor. */
class ConfigurationMetadataTest {

    private static Map<String, JsonNode> properties() throws IOException {
        try (InputStream in =
                KeelProperties.class.getResourceAsStream("/META-INF/spring-configuration-metadata.json")) {
            assertThat(in)
                    .as("the starter's jar carries spring-configuration-metadata.json")
                    .isNotNull();
            Map<String, JsonNode> byName = new HashMap<>();
            for (JsonNode property : new ObjectMapper().readTree(in).get("properties")) {
                byName.put(property.get("name").asText(), property);
            }
            return byName;
        }
    }

    @Test
    void everyKeelPropertyIsDescribedWithItsDefault() throws IOException {
        Map<String, JsonNode> properties = properties();
        assertThat(properties)
                .containsKeys(
                        "keel.enabled",
                        "keel.locations",
                        "keel.lock-timeout",
                        "keel.complete-changes",
                        "keel.metrics.slow-statement-threshold",
                        "keel.health.cache-for",
                        "keel.flags.safe-default",
                        "keel.replicas.servers",
                        "keel.replicas.max-lag",
                        "keel.replicas.consistency-key");
        properties.forEach(
                (name, property) -> assertThat(property.path("description").asText())
                        .as("description of %s", name)
                        .isNotBlank());
        assertThat(properties.get("keel.schema").path("defaultValue").asText()).isEqualTo("keel");
        assertThat(properties.get("keel.enabled").path("defaultValue").asBoolean())
                .isTrue();
    }
}
