package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.check.CheckSettings;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.ds.PGSimpleDataSource;

class KeelConfigurationTest {
    private static final String URL = "postgresql://app:secret@db.example:5432/shop";

    @TempDir
    Path project;

    @Test
    void defaultsAreTheDocumentedOnes() {
        MigrationSettings settings =
                Keel.configure().url(URL, null, null).load().settings();

        assertThat(settings.locations()).containsExactly("db/migrations");
        assertThat(settings.schema()).isEqualTo("keel");
        assertThat(settings.table()).isEqualTo("schema_history");
        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ZERO);
        assertThat(settings.lockRetries()).isEqualTo(5);
        assertThat(settings.outOfOrder()).isFalse();
        assertThat(settings.projectDir()).isEqualTo(Path.of("").toAbsolutePath());
    }

    @Test
    void everySetterReachesTheSettings() throws Exception {
        try (URLClassLoader loader = new URLClassLoader(new URL[0], null)) {
            MigrationSettings settings = Keel.configure()
                    .dataSource(new PGSimpleDataSource())
                    .locations("classpath:db/migration", "filesystem:sql")
                    .projectDir(project)
                    .schema("ops")
                    .table("history")
                    .lockTimeout(Duration.ofMillis(500))
                    .statementTimeout(Duration.ofMinutes(10))
                    .lockRetries(0)
                    .outOfOrder(true)
                    .classLoader(loader)
                    .load()
                    .settings();

            assertThat(settings)
                    .isEqualTo(new MigrationSettings(
                            project,
                            List.of("classpath:db/migration", "filesystem:sql"),
                            "ops",
                            "history",
                            Duration.ofMillis(500),
                            Duration.ofMinutes(10),
                            0,
                            true,
                            loader));
        }
    }

    @Test
    void aRelativeProjectDirIsMadeAbsolute() {
        MigrationSettings settings = Keel.configure()
                .url(URL, null, null)
                .projectDir(Path.of("app"))
                .load()
                .settings();

        assertThat(settings.projectDir()).isAbsolute().isEqualTo(Path.of("app").toAbsolutePath());
    }

    @Test
    void loadWithoutADatabaseIsRefused() {
        assertThatThrownBy(() -> Keel.configure().load())
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.what()).isEqualTo("no database was configured");
                });
    }

    @Test
    void aDataSourceAndAUrlTogetherAreRefused() {
        KeelConfiguration both =
                Keel.configure().dataSource(new PGSimpleDataSource()).url(URL, null, null);

        assertThatThrownBy(both::load)
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> assertThat(e.what()).isEqualTo("both a DataSource and a URL were configured"));
    }

    @Test
    void aUrlForAnotherDatabaseIsRefusedAtLoad() {
        KeelConfiguration config = Keel.configure().url("mysql://root@db/shop", null, null);

        assertThatThrownBy(config::load)
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aLockTimeoutOfZeroOrLessIsRefused() {
        KeelConfiguration config = Keel.configure();

        assertThatThrownBy(() -> config.lockTimeout(Duration.ZERO))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("lockTimeout must be positive");
        assertThatThrownBy(() -> config.lockTimeout(Duration.ofSeconds(-1)))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void impossibleValuesAreRefusedInTheSetter() {
        KeelConfiguration config = Keel.configure();

        assertThatThrownBy(() -> config.statementTimeout(Duration.ofSeconds(-1)))
                .hasMessage("statementTimeout must not be negative");
        assertThatThrownBy(() -> config.lockRetries(-1)).hasMessage("lockRetries must not be negative");
        assertThatThrownBy(config::locations).hasMessage("at least one migration location is needed");
        assertThatThrownBy(() -> config.schema(" ")).hasMessage("schema must not be empty");
        assertThatThrownBy(() -> config.table(null)).hasMessage("table must not be empty");
    }

    @Test
    void aZeroStatementTimeoutMeansNone() {
        MigrationSettings settings = Keel.configure()
                .url(URL, null, null)
                .statementTimeout(Duration.ZERO)
                .load()
                .settings();

        assertThat(settings.statementTimeout()).isZero();
    }

    /** keel.yaml's check section reaches migrate's safety gate from Java too, not only from the command line. */
    @Test
    void theCheckSettingsReachTheSafetyGate() {
        CheckSettings check = new CheckSettings(
                null, "42", List.of("prefer-text"), Map.of("V43__x.sql", Map.of("dropping-table", "why")));

        assertThat(Keel.configure()
                        .url(URL, null, null)
                        .check(check)
                        .load()
                        .settings()
                        .check())
                .isEqualTo(check);
        assertThat(Keel.configure().url(URL, null, null).load().settings().check())
                .isEqualTo(CheckSettings.NONE);
    }

    @Test
    void keelYamlsCheckSectionInTheProjectDirReachesTheSafetyGate() throws Exception {
        Files.writeString(project.resolve("keel.yaml"), """
                check:
                  startAfter: 42
                  exclude: [prefer-text]
                  waivers:
                    V43__x.sql:
                      dropping-table: carts moved to their own service
                """);

        CheckSettings check = Keel.configure()
                .url(URL, null, null)
                .projectDir(project)
                .env(Map.of())
                .load()
                .settings()
                .check();

        assertThat(check)
                .isEqualTo(new CheckSettings(
                        null,
                        "42",
                        List.of("prefer-text"),
                        Map.of("V43__x.sql", Map.of("dropping-table", "carts moved to their own service"))));
    }

    @Test
    void keelYamlsCheckSectionYieldsToKeelOverrides() throws Exception {
        Files.writeString(project.resolve("keel.yaml"), "check:\n  startAfter: 42\n");

        CheckSettings check = Keel.configure()
                .url(URL, null, null)
                .projectDir(project)
                .env(Map.of("KEEL_CHECK_STARTAFTER", "50"))
                .load()
                .settings()
                .check();

        assertThat(check.startAfter()).isEqualTo("50");
    }

    @Test
    void aGivenConfigurationsCheckSectionIsUsedAndItsDirectoryIsTheProject() throws Exception {
        Files.writeString(project.resolve("keel.yaml"), "check:\n  exclude: [dropping-table]\n");
        KeelYaml config = ConfigLoader.load(project, null, Map.of());

        MigrationSettings settings =
                Keel.configure().url(URL, null, null).config(config).load().settings();

        assertThat(settings.check().exclude()).containsExactly("dropping-table");
        assertThat(settings.projectDir()).isEqualTo(project.toAbsolutePath());
    }

    @Test
    void checkSettingsGivenInJavaWinOverKeelYaml() throws Exception {
        Files.writeString(project.resolve("keel.yaml"), "check:\n  startAfter: 42\n");

        CheckSettings check = Keel.configure()
                .url(URL, null, null)
                .projectDir(project)
                .check(CheckSettings.NONE)
                .load()
                .settings()
                .check();

        assertThat(check).isEqualTo(CheckSettings.NONE);
    }

    @Test
    void aConfigurationAndAProjectDirNamingDifferentDirectoriesAreRefused(@TempDir Path other) {
        KeelYaml config = ConfigLoader.load(project, null, Map.of());
        KeelConfiguration both =
                Keel.configure().url(URL, null, null).config(config).projectDir(other);

        assertThatThrownBy(both::load)
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aTypoInKeelYamlsCheckSectionIsRefusedAtLoad() throws Exception {
        Files.writeString(project.resolve("keel.yaml"), "check:\n  startafter: 42\n");
        KeelConfiguration config = Keel.configure().url(URL, null, null).projectDir(project);

        assertThatThrownBy(config::load).hasMessageContaining("did you mean 'check.startAfter'");
    }
}
