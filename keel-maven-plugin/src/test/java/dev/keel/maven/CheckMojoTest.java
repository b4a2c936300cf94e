package dev.keel.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel:check on given files, which needs no database: the log, the SARIF file and the verdict. */
class CheckMojoTest {
    @TempDir
    Path dir;

    CheckMojo mojo;
    RecordingLog log;

    @BeforeEach
    void mojo() throws Exception {
        Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(dir.resolve("db/migrations/V1__carts.sql"), "create table carts (id bigint primary key);\n");
        Files.writeString(dir.resolve("db/migrations/V2__drop_sessions.sql"), "drop table sessions;\n");
        mojo = new CheckMojo();
        mojo.projectDir = dir.toFile();
        mojo.env = Map.of();
        mojo.sarifFile = dir.resolve("target/keel/keel-check.sarif").toFile();
        mojo.failOnError = true;
        log = new RecordingLog();
        mojo.setLog(log);
    }

    @Test
    void errorFindingFailsTheBuildNamingItAfterTheReportAndTheSarifFile() throws Exception {
        mojo.paths = List.of(dir.resolve("db/migrations/V2__drop_sessions.sql").toFile());

        assertThatThrownBy(mojo::execute)
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("keel check found 1 error — ")
                .hasMessageContaining("V2__drop_sessions.sql:1:12: dropping-table: ");
        assertThat(log.lines)
                .anyMatch(line -> line.startsWith("ERROR ") && line.contains("error dropping-table"))
                .anyMatch(line -> line.startsWith("ERROR 1 file, 1 statements: 1 error,"));
        JsonNode sarif = new ObjectMapper().readTree(mojo.sarifFile);
        assertThat(sarif.at("/runs/0/results/0/ruleId").asText()).isEqualTo("dropping-table");
        assertThat(sarif.at("/runs/0/tool/driver/version").asText()).isEqualTo(KeelVersion.current());
    }

    @Test
    void failOnErrorFalseOnlyReports() throws Exception {
        mojo.paths = List.of(dir.resolve("db/migrations").toFile());
        mojo.failOnError = false;

        mojo.execute();

        assertThat(log.lines).anyMatch(line -> line.contains("error dropping-table"));
        assertThat(mojo.sarifFile).exists();
    }

    @Test
    void cleanFilesPassAtInfoLevel() throws Exception {
        mojo.paths = List.of(dir.resolve("db/migrations/V1__carts.sql").toFile());

        mojo.execute();

        assertThat(log.lines).contains("INFO 1 file, 1 statements: 0 errors, 0 warnings.");
        assertThat(log.lines).noneMatch(line -> line.startsWith("ERROR") || line.startsWith("WARN"));
    }

    @Test
    void missingPathIsAConfigurationError() {
        mojo.paths = List.of(new File(dir.toFile(), "db/nothing.sql"));

        assertThatThrownBy(mojo::execute).hasMessageEndingWith("[KEEL-CHECK-PATH-MISSING]");
    }

    @Test
    void scaleWithoutShadowIsAUsageError() {
        mojo.scale = "0.1";

        assertThatThrownBy(mojo::execute)
                .hasMessageContaining("scale fills the shadow database")
                .hasMessageEndingWith("[KEEL-CORE-COMMAND-LINE]");
    }

    @Test
    void shadowOfGivenPathsIsAUsageError() {
        mojo.shadow = true;
        mojo.paths = List.of(dir.resolve("db/migrations").toFile());

        assertThatThrownBy(mojo::execute)
                .hasMessageContaining("shadow checks the project's pending migrations")
                .hasMessageEndingWith("[KEEL-CORE-COMMAND-LINE]");
    }

    @Test
    void theFailureRepeatsAtMostTenFindings() throws Exception {
        StringBuilder drops = new StringBuilder();
        for (int i = 0; i < 12; i++) {
            drops.append("drop table t").append(i).append(";\n");
        }
        Files.writeString(dir.resolve("db/migrations/V3__drops.sql"), drops);
        mojo.paths = List.of(dir.resolve("db/migrations/V3__drops.sql").toFile());

        assertThatThrownBy(mojo::execute)
                .hasMessageStartingWith("keel check found 12 errors")
                .satisfies(e -> assertThat(e.getMessage().lines().filter(l -> l.contains("dropping-table")))
                        .hasSize(CheckMojo.FINDINGS_IN_MESSAGE));
    }
}
