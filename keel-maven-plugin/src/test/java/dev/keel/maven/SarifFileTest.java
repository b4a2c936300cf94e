package dev.keel.maven;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.check.CheckReport;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SarifFileTest {

    @Test
    void writesSarifCreatingTheFolders(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("target/keel/keel-check.sarif");

        SarifFile.write(file, new CheckReport(2, 3, List.of(), List.of()));

        JsonNode sarif = new ObjectMapper().readTree(file.toFile());
        assertThat(sarif.at("/version").asText()).isEqualTo("2.1.0");
        assertThat(sarif.at("/runs/0/tool/driver/name").asText()).isEqualTo("keel");
        assertThat(sarif.at("/runs/0/results")).isEmpty();
    }
}
