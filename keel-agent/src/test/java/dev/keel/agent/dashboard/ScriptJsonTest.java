package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.app.JsonOutput;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ScriptJsonTest {

    @Test
    void aValueCannotCloseTheScriptElementAndReadsBackUnchanged() throws Exception {
        String label = "SELECT * FROM \"</script><script>alert(1)</script>\" WHERE a < $1 && b > 2";
        String json = ScriptJson.write(Map.of("labels", List.of(label)));

        assertThat(json).doesNotContain("<", ">", "&");
        assertThat(JsonOutput.mapper().readTree(json).get("labels").get(0).asText())
                .isEqualTo(label);
    }

    @Test
    void lineSeparatorsAreEscapedToo() {
        assertThat(ScriptJson.escape("\"a\u2028b\u2029\"")).isEqualTo("\"a\\u2028b\\u2029\"");
    }

    @Test
    void aBlockIsJsonDataNotAScript() {
        assertThat(ScriptJson.block("chart-data", List.of(1, 2)))
                .startsWith("<script type=\"application/json\" id=\"chart-data\">")
                .endsWith("</script>");
    }
}
