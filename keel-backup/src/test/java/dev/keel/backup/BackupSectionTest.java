package dev.keel.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.testing.ConfigSectionTestBase;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** keel.yaml's backup.* keys, as keel-backup declares them. */
class BackupSectionTest extends ConfigSectionTestBase {
    @Test
    void readsTheBackupSettings() throws IOException {
        KeelYaml config = load("""
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

        assertThat(BackupSettings.from(config))
                .isEqualTo(new BackupSettings(
                        "s3://backups/shop",
                        9,
                        dir.resolve("secrets/backup.key"),
                        new BackupSettings.S3("http://127.0.0.1:9000", "eu-central-1", true, "keel", "very-secret")));
    }

    @Test
    void backupDefaultsToLevelThreeWithoutRepositoryOrKey() {
        BackupSettings backup = BackupSettings.from(ConfigLoader.load(dir, null, Map.of()));

        assertThat(backup.repository()).isNull();
        assertThat(backup.compressionLevel()).isEqualTo(3);
        assertThat(backup.keyFile()).isNull();
        assertThat(backup.s3().pathStyle()).isNull();
    }

    @Test
    void theBackupMethodAndTheStreamsSettingsHaveDefaultsAndCanBeSet() throws IOException {
        BackupSettings defaults = BackupSettings.from(ConfigLoader.load(dir, null, Map.of()));
        assertThat(defaults.method()).isNull();
        assertThat(defaults.stream()).isEqualTo(BackupSettings.Stream.DEFAULTS);

        BackupSettings set = BackupSettings.from(load("""
                backup:
                  method: stream
                  stream:
                    slot: shop_wal
                    applicationName: shop_keel
                    spool: /var/lib/keel/spool
                    partialInterval: 2s
                """, Map.of("KEEL_BACKUP_STREAM_SLOT", "from_env")));
        assertThat(set.method()).isEqualTo("stream");
        assertThat(set.stream())
                .isEqualTo(new BackupSettings.Stream(
                        "from_env", "shop_keel", Path.of("/var/lib/keel/spool"), Duration.ofSeconds(2)));
    }

    @Test
    void aWrongBackupMethodOrSlotNameIsAUsageError() {
        usageError(() -> load("backup:\n  method: rsync\n"))
                .satisfies(e -> assertThat(e.getMessage()).contains("auto, local or stream"));
        usageError(() -> load("backup:\n  stream:\n    slot: Keel-Wal\n"))
                .satisfies(e -> assertThat(e.getMessage()).contains("replication slot name"));
    }

    @Test
    void theBackupRepositoryCanComeFromTheEnvironment() {
        KeelYaml config = ConfigLoader.load(
                dir, null, Map.of("KEEL_BACKUP_REPOSITORY", "file:///srv/backups", "KEEL_BACKUP_S3_PATHSTYLE", "no"));

        assertThat(BackupSettings.from(config).repository()).isEqualTo("file:///srv/backups");
        assertThat(BackupSettings.from(config).s3().pathStyle()).isFalse();
    }

    @Test
    void aCompressionLevelAboveTheZstdMaximumIsRejected() {
        usageError(() -> load("backup:\n  compression:\n    level: 30\n"))
                .satisfies(e -> assertThat(e.what())
                        .isEqualTo("'backup.compression.level' must be a whole number from 0 to 22, not '30'"));
    }

    @Test
    void aMistypedBackupKeyNamesTheNearestOne() {
        usageError(() -> load("backup:\n  repositry: file:///x\n"))
                .satisfies(e -> assertThat(e.todo()).isEqualTo("did you mean 'backup.repository'?"));
    }

    @Test
    void theEncryptionKeyItselfIsNoSetting() {
        usageError(() -> load("backup:\n  encryption:\n    key: c2VjcmV0\n"))
                .satisfies(e -> assertThat(e.what()).isEqualTo("unknown key 'backup.encryption.key' in keel.yaml"));
    }

    @Test
    void theS3SecretNeverAppearsInTheSettingsText() {
        BackupSettings.S3 s3 = new BackupSettings.S3(null, null, null, "id", "very-secret");

        assertThat(s3.toString()).doesNotContain("very-secret").contains("****");
    }

    @Test
    void readsRetentionTargetsAndDrillInvariants() throws IOException {
        BackupSettings backup = BackupSettings.from(load("""
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
                """));

        assertThat(backup.retention()).isEqualTo(new BackupSettings.Retention(3, 14));
        assertThat(backup.rpo()).isEqualTo(Duration.ofMinutes(15));
        assertThat(backup.rto()).isEqualTo(Duration.ofHours(1));
        assertThat(backup.drillInvariants())
                .containsExactly(
                        "select count(*) > 0 from users",
                        "select not exists (select 1 from orders where total < 0), true");
    }

    @Test
    void retentionAndTargetsComeFromTheEnvironmentAndDefaultToUnset() throws IOException {
        assertThat(BackupSettings.from(load("")).retention().configured()).isFalse();
        assertThat(BackupSettings.from(load("")).rto()).isNull();
        BackupSettings backup = BackupSettings.from(load(
                "",
                Map.of(
                        "KEEL_BACKUP_RETENTION_FULL",
                        "2",
                        "KEEL_BACKUP_RTO",
                        "30s",
                        "KEEL_BACKUP_DRILL_INVARIANTS",
                        "select true")));
        assertThat(backup.retention().full()).isEqualTo(2);
        assertThat(backup.rto()).isEqualTo(Duration.ofSeconds(30));
        assertThat(backup.drillInvariants()).containsExactly("select true");
    }

    @Test
    void misspelledRetentionKeyNamesTheNearestOne() {
        usageError(() -> load("backup:\n  retention:\n    ful: 2\n"))
                .satisfies(e -> assertThat(e.todo()).isEqualTo("did you mean 'backup.retention.full'?"));
        usageError(() -> load("backup:\n  retention:\n    full: 0\n"))
                .satisfies(e -> assertThat(e.what()).contains("backup.retention.full"));
        usageError(() -> load("backup:\n  rto: soon\n"))
                .satisfies(e -> assertThat(e.what()).contains("backup.rto"));
    }

    @Test
    void aNestedSectionGivenAListSaysItMustBeASection() {
        usageError(() -> load("""
                backup:
                  s3:
                    - endpoint
                """))
                .satisfies(e -> assertThat(e.getMessage())
                        .contains("'backup.s3' in keel.yaml must be a section, not a list", "endpoint:"));
    }
}
