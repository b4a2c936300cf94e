package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.config.ConfigKey;
import dev.keel.config.ConfigSection;
import dev.keel.config.ConfigurationPage;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

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
