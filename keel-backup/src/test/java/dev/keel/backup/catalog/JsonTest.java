package dev.keel.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {
    record Doc(String id, Instant at, Map<String, Long> counts) {}

    private static final Doc DOC = new Doc("20261203T040000Z", Instant.parse("2026-12-03T04:00:00Z"), Map.of("a", 1L));

    @Test
    void smallDocumentsAreIndentedForPeople() {
        assertThat(new String(Json.write(DOC), StandardCharsets.UTF_8)).contains("\n  \"id\"");
    }

    @Test
    void compactDocumentsHaveNoIndentationAndReadBackTheSame() throws Exception {
        byte[] compact = Json.writeCompact(DOC);
        assertThat(new String(compact, StandardCharsets.UTF_8))
                .doesNotContain("\n")
                .contains("\"at\":\"2026-12-03T04:00:00Z\"");
        assertThat(Json.read(compact, Doc.class)).isEqualTo(DOC);
    }
}
