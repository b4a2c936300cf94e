package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract: a change made with keel flags set reaches an application in another JVM within one second. */
class FlagsPropagationIT extends ProjectOnCluster {

    FlagsPropagationIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void aChangeBySetReachesAnotherJvmWithinOneSecondOfItsCommit() throws Exception {
        assertThat(keel("flags", "set", "checkout-v8", "off").exitCode()).isZero();
        JavaProcess app = JavaProcess.start(
                FlagWatcher.class.getName(),
                project.dir(),
                Map.of(),
                List.of(cluster.jdbcUrl(db), "checkout-v8", "alice"));
        try {
            Eventually.await(
                    Duration.ofSeconds(60),
                    "the other JVM to read its flags",
                    () -> app.stdout().contains("ready disabled"),
                    app::stderr);

            JsonNode set = json("--json", "flags", "set", "checkout-v8", "on");
            long changedAt = OffsetDateTime.parse(
                            set.get("change").get("changedAt").asText())
                    .toInstant()
                    .toEpochMilli();

            String seen = Eventually.await(
                    Duration.ofSeconds(10),
                    "the other JVM to see checkout-v8 on",
                    () -> app.stdout()
                            .lines()
                            .filter(l -> l.startsWith("enabled "))
                            .findFirst()
                            .orElse(null),
                    line -> line != null);
            long millis = Long.parseLong(seen.substring("enabled ".length())) - changedAt;
            assertThat(millis)
                    .as("keel flags set's change reached the other JVM %d ms after it was written", millis)
                    .isLessThanOrEqualTo(1000);
        } finally {
            app.kill9();
        }
    }
}
