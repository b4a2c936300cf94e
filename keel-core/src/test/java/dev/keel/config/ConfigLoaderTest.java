package dev.keel.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.ObjectAssert;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ConfigLoaderTest {
    @TempDir
    Path dir;

    private KeelConfig load(String yaml) throws IOException {
        return load(yaml, Map.of());
    }

    private KeelConfig load(String yaml, Map<String, String> env) throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), yaml);
        return ConfigLoader.load(dir, null, env);
    }

    /** Asserts a usage error and hands back the exception for further checks. */
    private ObjectAssert<KeelException> usageError(ThrowingLoad load) {
        return assertThatThrownBy(load::run).asInstanceOf(type(KeelException.class))
                .satisfies(e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    interface ThrowingLoad {
        void run() throws Exception;
    }

    @Test
    void withoutAFileEverySettingHasItsDefault() {
        KeelConfig config = ConfigLoader.load(dir, null, Map.of());

        assertThat(config).isEqualTo(KeelConfig.defaults(dir));
        assertThat(config.file()).isNull();
        assertThat(config.database().configured()).isFalse();
        assertThat(config.migrations().lockTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(config.migrations().locations()).containsExactly("db/migrations");
    }

    @Test
    void anEmptyFileMeansDefaults() throws IOException {
        KeelConfig config = load("# nothing set yet\n");

        assertThat(config.migrations()).isEqualTo(KeelConfig.Migrations.defaults());
        assertThat(config.schema()).isEqualTo("keel");
        assertThat(config.file()).isEqualTo(dir.resolve("keel.yaml"));
    }

    @Test
    void readsEverySettingOfAFullFile() throws IOException {
        KeelConfig config = load("""
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

        assertThat(config.database()).isEqualTo(new KeelConfig.Database("postgresql://db.example:5432/shop", "app", "hunter2"));
        assertThat(config.schema()).isEqualTo("ops");
        assertThat(config.migrations()).isEqualTo(new KeelConfig.Migrations(List.of("db/migrations", "classpath:db/shared"),
                Duration.ofSeconds(3), Duration.ofMinutes(10), 7, true, "history"));
    }

    @Test
    void aCommaSeparatedLocationListIsSplit() throws IOException {
        KeelConfig config = load("migrations:\n  locations: db/a , db/b\n");

        assertThat(config.migrations().locations()).containsExactly("db/a", "db/b");
    }

    @Test
    void aMistypedKeyIsRejectedWithTheNearestKnownKey() {
        usageError(() -> load("migrations:\n  lockTimout: 5s\n")).satisfies(e -> {
            assertThat(e.what()).isEqualTo("unknown key 'migrations.lockTimout' in keel.yaml");
            assertThat(e.todo()).isEqualTo("did you mean 'migrations.lockTimeout'?");
        });
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
                """)).satisfies(e -> assertThat(e.what()).isEqualTo("keel.yaml is not valid YAML at line 3, column 8: mapping values are not allowed here"));
    }

    @Test
    void aFileThatIsNotAMappingIsRejected() {
        usageError(() -> load("- db/migrations\n- db/more\n"))
                .satisfies(e -> assertThat(e.what()).startsWith("keel.yaml must be a mapping of settings"));
    }

    @Test
    void anEnvironmentOverrideWinsOverTheFile() throws IOException {
        KeelConfig config = load("migrations:\n  lockTimeout: 3s\n", Map.of("KEEL_MIGRATIONS_LOCKTIMEOUT", "5s"));

        assertThat(config.migrations().lockTimeout()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void environmentOverridesApplyWithoutAFile() {
        KeelConfig config = ConfigLoader.load(dir, null, Map.of("KEEL_DATABASE_URL", "postgresql://env/shop", "KEEL_MIGRATIONS_OUTOFORDER", "on"));

        assertThat(config.database().url()).isEqualTo("postgresql://env/shop");
        assertThat(config.migrations().outOfOrder()).isTrue();
    }

    @Test
    void envNameIsKeelPlusTheKeyInUpperCase() {
        assertThat(ConfigLoader.envName("migrations.lockTimeout")).isEqualTo("KEEL_MIGRATIONS_LOCKTIMEOUT");
        assertThat(ConfigLoader.envName("schema")).isEqualTo("KEEL_SCHEMA");
    }

    @Test
    void placeholdersAreExpandedFromTheEnvironment() throws IOException {
        KeelConfig config = load("""
                database:
                  url: postgresql://${DB_HOST}:5432/shop
                  password: ${DB_PASSWORD}
                """, Map.of("DB_HOST", "db.internal", "DB_PASSWORD", "s3cr$t\\x"));

        assertThat(config.database().url()).isEqualTo("postgresql://db.internal:5432/shop");
        assertThat(config.database().password()).isEqualTo("s3cr$t\\x");
    }

    @Test
    void aPlaceholderWithoutItsVariableIsReported() {
        usageError(() -> load("database:\n  password: ${DB_PASSWORD}\n", Map.of("OTHER", "x"))).satisfies(e -> {
            assertThat(e.what()).isEqualTo("'database.password' refers to ${DB_PASSWORD}, which is not set");
            assertThat(e.todo()).contains("export DB_PASSWORD");
        });
    }

    @Test
    void aBooleanThatIsNeitherTrueNorFalseIsRejected() {
        usageError(() -> load("migrations:\n  outOfOrder: maybe\n"))
                .satisfies(e -> assertThat(e.what()).isEqualTo("'migrations.outOfOrder' must be true or false, not 'maybe'"));
    }

    @Test
    void aNegativeRetryCountIsRejected() {
        usageError(() -> load("migrations:\n  lockRetries: -1\n"))
                .satisfies(e -> assertThat(e.what()).isEqualTo("'migrations.lockRetries' must be a whole number of zero or more, not '-1'"));
    }

    @Test
    void aRetryCountThatIsNoNumberIsRejected() {
        usageError(() -> load("migrations:\n  lockRetries: many\n"))
                .satisfies(e -> assertThat(e.what()).contains("'migrations.lockRetries' must be a whole number"));
    }

    @Test
    void aBadDurationIsRejectedNamingTheKey() {
        usageError(() -> load("migrations:\n  lockTimeout: 2 seconds\n"))
                .satisfies(e -> assertThat(e.what()).isEqualTo("'migrations.lockTimeout': '2 seconds' is not a duration (write 500ms, 2s, 5min or 1h)"));
    }

    @Test
    void aConfigOptionNamingAMissingFileIsRejected() {
        usageError(() -> ConfigLoader.load(dir, Path.of("prod.yaml"), Map.of()))
                .satisfies(e -> assertThat(e.what()).isEqualTo("configuration file " + dir.resolve("prod.yaml") + " does not exist"));
    }

    @Test
    void aConfigOptionIsResolvedAgainstTheProjectDirectory() throws IOException {
        Files.createDirectories(dir.resolve("conf"));
        Files.writeString(dir.resolve("conf/prod.yaml"), "schema: prod\n");

        KeelConfig config = ConfigLoader.load(dir, Path.of("conf/prod.yaml"), Map.of());

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
    void aZeroLockTimeoutIsRejectedAsInTheJavaApi() {
        usageError(() -> load("migrations:\n  lockTimeout: 0s\n"))
                .satisfies(e -> assertThat(e.what()).contains("migrations.lockTimeout"));
    }

    @Test
    void readsTheBackupSettings() throws IOException {
        KeelConfig config = load("""
                backup:
                  repository: s3://backups/shop
                  compression:
                    level: 9
                  encryption:
                    keyFile: secrets/backup.key
                  s3:
                    endpoint: http://127.0.0.1:9000
                    region: eu-central-1
                    pathStyle: true
                    accessKeyId: keel
                    secretAccessKey: ${S3_SECRET}
                """, Map.of("S3_SECRET", "very-secret"));

        assertThat(config.backup()).isEqualTo(new KeelConfig.Backup("s3://backups/shop", 9, dir.resolve("secrets/backup.key"),
                new KeelConfig.S3("http://127.0.0.1:9000", "eu-central-1", true, "keel", "very-secret")));
    }

    @Test
    void backupDefaultsToLevelThreeWithoutRepositoryOrKey() {
        KeelConfig.Backup backup = ConfigLoader.load(dir, null, Map.of()).backup();

        assertThat(backup.repository()).isNull();
        assertThat(backup.compressionLevel()).isEqualTo(3);
        assertThat(backup.keyFile()).isNull();
        assertThat(backup.s3().pathStyle()).isNull();
    }

    @Test
    void theBackupMethodAndTheStreamsSettingsHaveDefaultsAndCanBeSet() throws IOException {
        KeelConfig.Backup defaults = ConfigLoader.load(dir, null, Map.of()).backup();
        assertThat(defaults.method()).isNull();
        assertThat(defaults.stream()).isEqualTo(KeelConfig.Stream.DEFAULTS);

        KeelConfig.Backup set = load("""
                backup:
                  method: stream
                  stream:
                    slot: shop_wal
                    applicationName: shop_keel
                    spool: /var/lib/keel/spool
                    partialInterval: 2s
                """, Map.of("KEEL_BACKUP_STREAM_SLOT", "from_env")).backup();
        assertThat(set.method()).isEqualTo("stream");
        assertThat(set.stream()).isEqualTo(new KeelConfig.Stream("from_env", "shop_keel", Path.of("/var/lib/keel/spool"), Duration.ofSeconds(2)));
    }

    @Test
    void aWrongBackupMethodOrSlotNameIsAUsageError() {
        usageError(() -> load("backup:\n  method: rsync\n")).satisfies(e -> assertThat(e.getMessage()).contains("auto, local or stream"));
        usageError(() -> load("backup:\n  stream:\n    slot: Keel-Wal\n")).satisfies(e -> assertThat(e.getMessage()).contains("replication slot name"));
    }

    @Test
    void theBackupRepositoryCanComeFromTheEnvironment() {
        KeelConfig config = ConfigLoader.load(dir, null, Map.of("KEEL_BACKUP_REPOSITORY", "file:///srv/backups", "KEEL_BACKUP_S3_PATHSTYLE", "no"));

        assertThat(config.backup().repository()).isEqualTo("file:///srv/backups");
        assertThat(config.backup().s3().pathStyle()).isFalse();
    }

    @Test
    void aCompressionLevelAboveTheZstdMaximumIsRejected() {
        usageError(() -> load("backup:\n  compression:\n    level: 30\n"))
                .satisfies(e -> assertThat(e.what()).isEqualTo("'backup.compression.level' must be between 0 (no compression) and 22, not 30"));
    }

    @Test
    void aMistypedBackupKeyNamesTheNearestOne() {
        usageError(() -> load("backup:\n  repositry: file:///x\n")).satisfies(e -> assertThat(e.todo()).isEqualTo("did you mean 'backup.repository'?"));
    }

    @Test
    void theEncryptionKeyItselfIsNoSetting() {
        usageError(() -> load("backup:\n  encryption:\n    key: c2VjcmV0\n"))
                .satisfies(e -> assertThat(e.what()).isEqualTo("unknown key 'backup.encryption.key' in keel.yaml"));
    }

    @Test
    void theS3SecretNeverAppearsInTheSettingsText() {
        KeelConfig.S3 s3 = new KeelConfig.S3(null, null, null, "id", "very-secret");

        assertThat(s3.toString()).doesNotContain("very-secret").contains("****");
    }

    @Test
    void readsRetentionTargetsAndDrillInvariants() throws IOException {
        KeelConfig.Backup backup = load("""
                backup:
                  retention:
                    full: 3
                    days: 14
                  rpo: 15m
                  rto: 1h
                  drill:
                    invariants:
                      - select count(*) > 0 from users
                      - select not exists (select 1 from orders where total < 0), true
                """).backup();

        assertThat(backup.retention()).isEqualTo(new KeelConfig.Retention(3, 14));
        assertThat(backup.rpo()).isEqualTo(java.time.Duration.ofMinutes(15));
        assertThat(backup.rto()).isEqualTo(java.time.Duration.ofHours(1));
        assertThat(backup.drillInvariants()).containsExactly("select count(*) > 0 from users",
                "select not exists (select 1 from orders where total < 0), true");
    }

    @Test
    void retentionAndTargetsComeFromTheEnvironmentAndDefaultToUnset() throws IOException {
        assertThat(load("").backup().retention().configured()).isFalse();
        assertThat(load("").backup().rto()).isNull();
        KeelConfig.Backup backup = load("", Map.of("KEEL_BACKUP_RETENTION_FULL", "2", "KEEL_BACKUP_RTO", "30s",
                "KEEL_BACKUP_DRILL_INVARIANTS", "select true")).backup();
        assertThat(backup.retention().full()).isEqualTo(2);
        assertThat(backup.rto()).isEqualTo(java.time.Duration.ofSeconds(30));
        assertThat(backup.drillInvariants()).containsExactly("select true");
    }

    @Test
    void misspelledRetentionKeyNamesTheNearestOne() {
        usageError(() -> load("backup:\n  retention:\n    ful: 2\n")).satisfies(e -> assertThat(e.todo()).isEqualTo("did you mean 'backup.retention.full'?"));
        usageError(() -> load("backup:\n  retention:\n    full: 0\n")).satisfies(e -> assertThat(e.what()).contains("backup.retention.full"));
        usageError(() -> load("backup:\n  rto: soon\n")).satisfies(e -> assertThat(e.what()).contains("backup.rto"));
    }

    @Test
    void doctorThresholdsAreCarriedAsWrittenForTheDoctorToValidate() throws IOException {
        KeelConfig config = load("""
                doctor:
                  thresholds:
                    table-bloat:
                      bloatShare: 0.6
                      minWastedBytes: 10MB
                    long-transactions:
                      idleWarning: 2m
                """);

        assertThat(config.doctor().thresholds()).containsOnly(Map.entry("table-bloat.bloatShare", "0.6"),
                Map.entry("table-bloat.minWastedBytes", "10MB"), Map.entry("long-transactions.idleWarning", "2m"));
        assertThat(load("schema: keel\n").doctor().thresholds()).isEmpty();
    }

    @Test
    void aDoctorKeyThatIsNotAThresholdIsAnError() {
        usageError(() -> load("doctor:\n  treshold: 1\n")).satisfies(e -> assertThat(e.todo()).contains("doctor.thresholds.<check>.<threshold>"));
        usageError(() -> load("doctor:\n  thresholds:\n    table-bloat: 0.5\n")).satisfies(e -> assertThat(e.what()).contains("not a threshold"));
        usageError(() -> load("doctor:\n  thresholds:\n    table-bloat:\n      bloatShare:\n        x: 1\n"))
                .satisfies(e -> assertThat(e.what()).contains("'doctor.thresholds.table-bloat.bloatShare' in keel.yaml is not a threshold"));
    }

    @Test
    void checkAdoptionSettings() throws IOException {
        KeelConfig config = load("""
                check:
                  startAfter: "2024.05.1"
                  exclude: [prefer-text, prefer-bigint]
                  waivers:
                    V12__drop_carts.sql:
                      dropping-table: release 4.2 stopped using carts
                    db/migrations/V3__users.sql:
                      setting-not-null: users had 40 rows then
                """);

        assertThat(config.check().startAfter()).isEqualTo("2024.05.1");
        assertThat(config.check().exclude()).containsExactly("prefer-text", "prefer-bigint");
        assertThat(config.check().waivers()).containsOnlyKeys("V12__drop_carts.sql", "db/migrations/V3__users.sql");
        assertThat(config.check().waivers().get("V12__drop_carts.sql")).containsEntry("dropping-table", "release 4.2 stopped using carts");
    }

    @Test
    void checkStartAfterFromTheEnvironmentAndCheckedAsAVersion() throws IOException {
        Files.writeString(dir.resolve("keel.yaml"), "");
        assertThat(ConfigLoader.load(dir, null, Map.of("KEEL_CHECK_STARTAFTER", "42")).check().startAfter()).isEqualTo("42");
        usageError(() -> load("check:\n  startAfter: v42\n")).satisfies(e -> assertThat(e.what()).contains("'check.startAfter' must be a migration version"));
    }

    @Test
    void aWaiverInKeelYamlNeedsAReason() {
        usageError(() -> load("check:\n  waivers:\n    V1__a.sql:\n      dropping-table: \"\"\n"))
                .satisfies(e -> assertThat(e.what()).contains("gives no reason"));
        usageError(() -> load("check:\n  waivers:\n    V1__a.sql: dropping-table\n"))
                .satisfies(e -> assertThat(e.what()).contains("must map rule ids to reasons"));
    }
}
