package dev.keel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.error.CoreError;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading keel.yaml: syntax, unknown keys, overrides and placeholders, on keel-core's own keys. */
class ConfigLoaderTest {
    @TempDir
    Path dir;

    // keel-testing's ConfigSectionTestBase holds these helpers for the modules; keel-core's tests cannot use it,
    // as keel-testing depends on keel-core.
    private KeelYaml load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    private KeelYaml load(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), yaml);
        return ConfigLoader.load(dir, null, env);
    }

    /** Asserts a usage error and hands back the exception for further checks. */
    private ObjectAssert<KeelException> usageError(ThrowingLoad load) {
        return assertThatThrownBy(load::run)
                .asInstanceOf(type(KeelException.class))
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    interface ThrowingLoad {
        void run() throws Exception;
    }

    @Test
    void withoutAFileEverySettingHasItsDefault() {
        KeelYaml config = ConfigLoader.load(dir, null, Map.of());

        assertThat(config).isEqualTo(KeelYaml.defaults(dir));
        assertThat(config.file()).isNull();
        assertThat(config.database().configured()).isFalse();
        assertThat(config.schema()).isEqualTo("keel");
    }

    @Test
    void anEmptyFileMeansDefaults() throws IOException {
        KeelYaml config = load("# nothing set yet\n");

        assertThat(config.settings()).isEmpty();
        assertThat(config.schema()).isEqualTo("keel");
        assertThat(config.file()).isEqualTo(dir.resolve("keel.yaml"));
    }

    @Test
    void anUnknownTopLevelSectionIsRejected() {
        usageError(() -> load("schema: keel\nlogging:\n  level: debug\n"))
                .satisfies(e -> assertThat(e.what()).isEqualTo("unknown key 'logging' in keel.yaml"));
    }

    @Test
    void aMistypedTopLevelKeyIsRejectedWithASuggestion() {
        usageError(() -> load("shema: ops\n")).satisfies(e -> {
            assertThat(e.what()).isEqualTo("unknown key 'shema' in keel.yaml");
            assertThat(e.todo()).isEqualTo("did you mean 'schema'?");
        });
    }

    @Test
    void invalidYamlIsAUsageErrorNamingLineAndColumn() {
        usageError(() -> load("""
                database:
                  url: postgresql://db/shop
                migrations: [db/a
                schema: keel
                """)).satisfies(e -> {
            assertThat(e.what()).startsWith("keel.yaml is not valid YAML at line 4, column 7: ");
            assertThat(e.todo()).contains(dir.resolve("keel.yaml").toString());
        });
    }

    @Test
    void invalidYamlPointsAtTheOffendingLine() {
        usageError(() -> load("""
                database:
                  url: postgresql://db/shop
                   user: app
                """))
                .satisfies(
                        e -> assertThat(e.what())
                                .isEqualTo(
                                        "keel.yaml is not valid YAML at line 3, column 8: mapping values are not allowed here"));
    }

    @Test
    void aFileThatIsNotAMappingIsRejected() {
        usageError(() -> load("- db/migrations\n- db/more\n"))
                .satisfies(e -> assertThat(e.what()).startsWith("keel.yaml must be a mapping of settings"))
                .satisfies(e -> assertThat(e.code()).isEqualTo(CoreError.CONFIG_MALFORMED));
    }

    @Test
    void environmentOverridesApplyWithoutAFile() {
        KeelYaml config = ConfigLoader.load(
                dir, null, Map.of("KEEL_DATABASE_URL", "postgresql://env/shop", "KEEL_SCHEMA", "ops"));

        assertThat(config.database().url()).isEqualTo("postgresql://env/shop");
        assertThat(config.schema()).isEqualTo("ops");
    }

    @Test
    void envNameIsKeelPlusTheKeyInUpperCase() {
        assertThat(ConfigLoader.envName("migrations.lockTimeout")).isEqualTo("KEEL_MIGRATIONS_LOCKTIMEOUT");
        assertThat(ConfigLoader.envName("schema")).isEqualTo("KEEL_SCHEMA");
    }

    @Test
    void placeholdersAreExpandedFromTheEnvironment() throws IOException {
        KeelYaml config = load("""
                database:
                  url: postgresql://${DB_HOST}:5432/shop
                  password: ${DB_PASSWORD}
                """, Map.of("DB_HOST", "db.internal", "DB_PASSWORD", "s3cr$t\\x"));

        assertThat(config.database().url()).isEqualTo("postgresql://db.internal:5432/shop");
        assertThat(config.database().password()).isEqualTo("s3cr$t\\x");
    }

    @Test
    void aPlaceholderWithoutItsVariableIsReported() {
        usageError(() -> load("database:\n  password: ${DB_PASSWORD}\n", Map.of("OTHER", "x")))
                .satisfies(e -> {
                    assertThat(e.what()).isEqualTo("'database.password' refers to ${DB_PASSWORD}, which is not set");
                    assertThat(e.todo()).contains("export DB_PASSWORD");
                    assertThat(e.code()).isEqualTo(CoreError.CONFIG_VARIABLE_UNSET);
                });
    }

    @Test
    void aConfigOptionNamingAMissingFileIsRejected() {
        usageError(() -> ConfigLoader.load(dir, Path.of("prod.yaml"), Map.of()))
                .satisfies(e -> assertThat(e.what())
                        .isEqualTo("configuration file " + dir.resolve("prod.yaml") + " does not exist"))
                .satisfies(e -> assertThat(e.code()).isEqualTo(CoreError.CONFIG_NOT_FOUND));
    }

    @Test
    void aConfigOptionIsResolvedAgainstTheProjectDirectory() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/prod.yaml"), "schema: prod\n");

        KeelYaml config = ConfigLoader.load(dir, Path.of("conf/prod.yaml"), Map.of());

        assertThat(config.schema()).isEqualTo("prod");
        assertThat(config.file()).isEqualTo(dir.resolve("conf/prod.yaml"));
    }

    @Test
    void aMappingWhereAValueBelongsIsRejected() {
        usageError(() -> load("""
                database:
                  url:
                    host: db.example
                """)).satisfies(e -> assertThat(e.what()).contains("database.url"));
    }

    @Test
    void aKeyOfASectionWhoseModuleIsAbsentIsKeptNotRefused() throws IOException {
        // keel-core alone knows no backup keys: an application that only migrates reads the keel.yaml the command line
        // uses.
        KeelYaml config = load("backup:\n  repository: file:///srv/backups\n");

        assertThat(config.settings()).containsEntry("backup.repository", "file:///srv/backups");
    }

    @Test
    void everyKeyOfEverySectionIsCheckedWhenItsModuleIsPresent() throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), "check:\n  answer: many\n");
        ConfigSection fixture = new ConfigSection() {
            @Override
            public String title() {
                return "fixture";
            }

            @Override
            public List<ConfigKey<?>> keys() {
                return List.of(ConfigKey.integer("check.answer", 42, 0, 100, "a number"));
            }
        };

        usageError(() -> ConfigLoader.load(dir, null, Map.of(), List.of(new CoreSettings(), fixture)))
                .satisfies(e -> assertThat(e.what())
                        .isEqualTo("'check.answer' must be a whole number from 0 to 100, not 'many'"));
        KeelYaml config =
                ConfigLoader.load(dir, null, Map.of("KEEL_CHECK_ANSWER", "7"), List.of(new CoreSettings(), fixture));
        assertThat(config.get(fixture.keys().get(0))).isEqualTo(7);
    }

    @Test
    void theDatabasePasswordNeverAppearsInTheSettingsText() throws IOException {
        KeelYaml config = load("database:\n  password: hunter2\n");

        assertThat(config.database().toString()).doesNotContain("hunter2");
    }

    @Test
    void aKeyWrittenTwiceIsAnErrorNamingItsSectionAndLine() {
        usageError(() -> load("""
                database:
                  url: postgresql://db.internal/shop
                migrations:
                  lockTimeout: 2s
                  lockTimeout: 10s
                """))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("keel.yaml sets 'migrations.lockTimeout' twice", "line 5", "keep one of them"));
    }

    @Test
    void aSectionWrittenTwiceIsAnErrorToo() {
        usageError(() -> load("""
                database:
                  url: postgresql://db.internal/shop
                database:
                  user: shop
                """)).satisfies(e -> assertThat(e.getMessage()).contains("sets 'database' twice"));
    }

    @Test
    void aSectionGivenASingleValueSaysItMustBeASectionEvenWhenItsModuleIsAbsent() {
        usageError(() -> load("backup: 5\n"))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("'backup' in keel.yaml must be a section, not a single value")
                        .doesNotContain("did you mean"));
    }
}
