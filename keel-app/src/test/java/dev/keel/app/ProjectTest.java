package dev.keel.app;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.connect.ConnectionSource;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProjectTest {
    @TempDir
    Path dir;

    @Test
    void aMissingProjectDirectoryIsAUsageError() {
        assertThatThrownBy(() -> Project.open(dir.resolve("nope"), null, null, Map.of(), note -> {}))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.getMessage()).contains("does not exist").contains("-C");
                });
    }

    @Test
    void theUrlOptionWinsOverKeelYamlAndTheEnvironment() throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), "database:\n  url: postgresql://yaml-host/yamldb\n");
        List<String> notes = new ArrayList<>();
        Project project = Project.open(
                dir,
                null,
                "postgresql://option-host/optiondb",
                Map.of("KEEL_URL", "postgresql://env-host/envdb"),
                notes::add);
        DatabaseTarget target = project.databaseTarget();
        assertThat(target.describe()).contains("option-host").contains("optiondb");
        assertThat(notes).as("a configured database starts nothing").isEmpty();
    }

    @Test
    void keelYamlIsReadOnceAndWithItsEnvironmentOverrides() throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), "schema: from_yaml\n");
        Project project = Project.open(dir, null, null, Map.of("KEEL_SCHEMA", "from_env"), note -> {});
        assertThat(project.config().schema()).isEqualTo("from_env");
        assertThat(project.config()).isSameAs(project.config());
    }

    @Test
    void connectionsResolveTheDatabaseOnFirstUseOnly() throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), "database: [broken\n");
        Project project = Project.open(dir, null, null, Map.of(), note -> {});
        ConnectionSource connections = project.connections();
        assertThatThrownBy(connections::describe)
                .as("keel.yaml is read when a connection is wanted, not before")
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("not valid YAML");

        Files.writeString(dir.resolve("keel.yaml"), "database:\n  url: postgresql://yaml-host/yamldb\n");
        Project fixed = Project.open(dir, null, null, Map.of(), note -> {});
        ConnectionSource later = fixed.connections();
        assertThat(later.describe()).contains("yaml-host").contains("yamldb");
    }
}
