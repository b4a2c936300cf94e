package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.check.CheckSettings;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.testing.ConfigSectionTestBase;
import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keel.yaml's migrations.* keys, as keel-migrate declares them. */
class MigrationSectionTest extends ConfigSectionTestBase {
    @Test
    void readsEverySettingOfAFullFile() throws IOException {
        KeelYaml config = load("""
                database:
                  url: postgresql://db.example:5432/shop
                  user: app
                  password: hunter2
                schema: ops
                migrations:
                  locations:
                    - db/migrations
                    - classpath:db/shared
                  lockTimeout: 3s
                  statementTimeout: 10min
                  lockRetries: 7
                  outOfOrder: true
                  table: history
                """);

        assertThat(config.database())
                .isEqualTo(new KeelYaml.Database("postgresql://db.example:5432/shop", "app", "hunter2"));
        MigrationSettings settings = MigrationSettings.from(config);
        assertThat(settings.schema()).isEqualTo("ops");
        assertThat(settings.locations()).containsExactly("db/migrations", "classpath:db/shared");
        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.statementTimeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(settings.lockRetries()).isEqualTo(7);
        assertThat(settings.outOfOrder()).isTrue();
        assertThat(settings.table()).isEqualTo("history");
    }

    @Test
    void aCommaSeparatedLocationListIsSplit() throws IOException {
        KeelYaml config = load("migrations:\n  locations: db/a , db/b\n");

        assertThat(MigrationSettings.from(config).locations()).containsExactly("db/a", "db/b");
    }

    @Test
    void aMistypedKeyIsRejectedWithTheNearestKnownKey() {
        usageError(() -> load("migrations:\n  lockTimout: 5s\n")).satisfies(e -> {
            assertThat(e.what()).isEqualTo("unknown key 'migrations.lockTimout' in keel.yaml");
            assertThat(e.todo()).isEqualTo("did you mean 'migrations.lockTimeout'?");
        });
    }

    @Test
    void anEnvironmentOverrideWinsOverTheFile() throws IOException {
        KeelYaml config = load("migrations:\n  lockTimeout: 3s\n", Map.of("KEEL_MIGRATIONS_LOCKTIMEOUT", "5s"));

        assertThat(MigrationSettings.from(config).lockTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBooleanThatIsNeitherTrueNorFalseIsRejected() {
        usageError(() -> load("migrations:\n  outOfOrder: maybe\n"))
                .satisfies(e ->
                        assertThat(e.what()).isEqualTo("'migrations.outOfOrder' must be true or false, not 'maybe'"));
    }

    @Test
    void aNegativeRetryCountIsRejected() {
        usageError(() -> load("migrations:\n  lockRetries: -1\n"))
                .satisfies(e -> assertThat(e.what())
                        .isEqualTo("'migrations.lockRetries' must be a whole number of zero or more, not '-1'"));
    }

    @Test
    void aRetryCountThatIsNoNumberIsRejected() {
        usageError(() -> load("migrations:\n  lockRetries: many\n"))
                .satisfies(e -> assertThat(e.what()).contains("'migrations.lockRetries' must be a whole number"));
    }

    @Test
    void aBadDurationIsRejectedNamingTheKey() {
        usageError(() -> load("migrations:\n  lockTimeout: 2 seconds\n"))
                .satisfies(
                        e -> assertThat(e.what())
                                .isEqualTo(
                                        "'migrations.lockTimeout': '2 seconds' is not a duration (write 500ms, 2s, 5min or 1h)"));
    }

    @Test
    void aZeroLockTimeoutIsRejectedAsInTheJavaApi() {
        usageError(() -> load("migrations:\n  lockTimeout: 0s\n"))
                .satisfies(e -> assertThat(e.what()).contains("migrations.lockTimeout"));
    }

    @Test
    void withoutAFileEveryMigrationSettingHasItsDefault() {
        MigrationSettings settings = MigrationSettings.from(ConfigLoader.load(dir, null, Map.of()));

        assertThat(settings.lockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.locations()).containsExactly("db/migrations");
        assertThat(settings.statementTimeout()).isZero();
        assertThat(settings.lockRetries()).isEqualTo(5);
        assertThat(settings.outOfOrder()).isFalse();
        assertThat(settings.table()).isEqualTo("schema_history");
    }

    @Test
    void theCheckedPostgresVersionIsAWholeNumber() throws IOException {
        assertThat(load("check:\n  postgresVersion: 15\n").get(MigrationSection.CHECK_POSTGRES_VERSION))
                .isEqualTo(15);
        assertThat(load("").get(MigrationSection.CHECK_POSTGRES_VERSION)).isNull();
        usageError(() -> load("check:\n  postgresVersion: fifteen\n"))
                .satisfies(e -> assertThat(e.what()).contains("check.postgresVersion"));
    }

    @Test
    void aSectionGivenASingleValueSaysItMustBeASection() {
        usageError(() -> load("migrations: 5\n"))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("'migrations' in keel.yaml must be a section, not a single value", "locations:")
                        .doesNotContain("did you mean"));
    }

    @Test
    void checkAdoptionSettings() throws IOException {
        KeelYaml config = load("""
                check:
                  startAfter: "2024.05.1"
                  exclude: [prefer-text, prefer-bigint]
                  waivers:
                    V12__drop_carts.sql:
                      dropping-table: release 4.2 stopped using carts
                    db/migrations/V3__users.sql:
                      setting-not-null: users had 40 rows then
                """);

        assertThat(CheckSettings.from(config).startAfter()).isEqualTo("2024.05.1");
        assertThat(CheckSettings.from(config).exclude()).containsExactly("prefer-text", "prefer-bigint");
        assertThat(CheckSettings.from(config).waivers())
                .containsOnlyKeys("V12__drop_carts.sql", "db/migrations/V3__users.sql");
        assertThat(CheckSettings.from(config).waivers().get("V12__drop_carts.sql"))
                .containsEntry("dropping-table", "release 4.2 stopped using carts");
    }

    @Test
    void checkStartAfterFromTheEnvironmentAndCheckedAsAVersion() throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), "");
        assertThat(CheckSettings.from(ConfigLoader.load(dir, null, Map.of("KEEL_CHECK_STARTAFTER", "42")))
                        .startAfter())
                .isEqualTo("42");
        usageError(() -> load("check:\n  startAfter: v42\n"))
                .satisfies(e -> assertThat(e.what()).contains("'check.startAfter' must be a migration version"));
    }

    @Test
    void aWaiverInKeelYamlNeedsAReason() {
        usageError(() -> load("check:\n  waivers:\n    V1__a.sql:\n      dropping-table: \"\"\n"))
                .satisfies(e -> assertThat(e.what()).contains("gives no reason"));
        usageError(() -> load("check:\n  waivers:\n    V1__a.sql: dropping-table\n"))
                .satisfies(e -> assertThat(e.what()).contains("is not a waiver"));
    }
}
