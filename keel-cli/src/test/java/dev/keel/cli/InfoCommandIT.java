package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.Test;

/** keel info: applied and pending migrations with their states. */
class InfoCommandIT extends ProjectOnCluster {

    InfoCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @Test
    void listsAppliedAndPendingWithTheirStates() throws Exception {
        keel("migrate", "--target", "1");
        JsonNode info = json("info", "--json");
        assertThat(info.get("currentVersion").asText()).isEqualTo("1");
        assertThat(info.get("migrations").findValuesAsText("state")).containsExactly("applied", "pending", "pending");
        assertThat(keel("info").stdout()).contains("1 applied, 2 pending.").contains("orders");
    }
}
