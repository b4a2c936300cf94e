package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.change.ChangeSection;
import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigLoader;
import dev.keel.config.ConfigSection;
import dev.keel.config.ConfigurationPage;
import dev.keel.config.KeelYaml;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigurationPageTest {

    @Test
    void everyModuleDeclaresItsSection() {
        assertThat(ConfigSection.all())
                .extracting(ConfigSection::title)
                .containsExactly(
                        "Database",
                        "Migrations and checks",
                        "Zero-downtime changes",
                        "Feature flags",
                        "Index advice and the doctor",
                        "Backups",
                        "Agent (keel up)",
                        "Schedules (keel up)",
                        "Alerts (keel up)");
    }

    /** A key whose section keel.yaml's loader does not list is refused as unknown, as changes.* once was. */
    @Test
    void everyKeyLiesInASectionKeelYamlAccepts() {
        assertThat(ConfigSection.all().stream().flatMap(s -> s.keys().stream()))
                .extracting(ConfigKey::path)
                .allSatisfy(path -> assertThat(ConfigLoader.SECTIONS).as(path).contains(path.split("\\.")[0]));
    }

    @Test
    void aChangesSectionInKeelYamlIsRead(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), "changes:\n  batchPausePercent: 200\n");
        KeelYaml yaml = ConfigLoader.load(dir, null, Map.of());
        assertThat(yaml.get(ChangeSection.BATCH_PAUSE_PERCENT)).isEqualTo(200);
    }

    @Test
    void noKeyIsDeclaredTwiceAndEveryKeyIsDescribed() {
        List<ConfigKey<?>> keys =
                ConfigSection.all().stream().flatMap(s -> s.keys().stream()).toList();
        assertThat(keys).extracting(ConfigKey::path).doesNotHaveDuplicates();
        assertThat(keys)
                .allSatisfy(k -> assertThat(k.description()).as(k.path()).isNotBlank());
    }

    @Test
    void docsConfigurationMdListsEveryKey() throws IOException {
        GeneratedPage.assertUpToDate("docs/configuration.md", ConfigurationPage.render(ConfigSection.all()));
    }
}
