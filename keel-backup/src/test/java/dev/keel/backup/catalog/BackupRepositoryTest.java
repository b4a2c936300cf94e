package dev.keel.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.backup.BackupSettings;
import dev.keel.backup.codec.EncryptionKey;
import dev.keel.backup.codec.TestContent;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.assertj.core.groups.Tuple;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupRepositoryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-01-24T10:15:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private ObjectStore store() {
        return new FileObjectStore(dir.resolve("repo"));
    }

    @Test
    void aNewRepositoryRecordsItsSettingsInPlainJson() throws IOException {
        EncryptionKey key = EncryptionKey.generate();
        try (BackupRepository repo = BackupRepository.create(store(), 3, key, CLOCK)) {
            assertThat(repo.config().encrypted()).isTrue();
        }

        String json = Files.readString(dir.resolve("repo/keel-repo.json"));
        assertThat(json)
                .contains(
                        "\"formatVersion\" : 1",
                        "\"encryption\" : \"aes-256-gcm\"",
                        "\"compression\" : \"zstd\"",
                        "\"created\" : \"2026-01-24T10:15:00Z\"",
                        "\"keyCheck\" : ");
        assertThat(json).doesNotContain(key.toBase64());
    }

    @Test
    void creatingTwiceIsRefused() {
        BackupRepository.create(store(), 3, null, CLOCK).close();

        assertThatThrownBy(() -> BackupRepository.create(store(), 3, null, CLOCK))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo(BackupError.REPOSITORY_EXISTS);
                    assertThat(e.what())
                            .isEqualTo("a backup repository already exists at file://" + dir.resolve("repo"));
                });
    }

    @Test
    void openingWhereThereIsNoRepositorySaysHowToCreateOne() {
        assertThatThrownBy(() -> BackupRepository.open(store(), 3, null))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo(BackupError.REPOSITORY_MISSING);
                    assertThat(e.what())
                            .isEqualTo("there is no keel backup repository at file://" + dir.resolve("repo"));
                    assertThat(e.todo()).contains("keel backup init");
                });
    }

    @Test
    void anEncryptedRepositoryCannotBeOpenedWithoutItsKey() {
        BackupRepository.create(store(), 3, EncryptionKey.generate(), CLOCK).close();

        assertThatThrownBy(() -> BackupRepository.open(store(), 3, null))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo(BackupError.KEY_MISSING);
                    assertThat(e.what())
                            .isEqualTo("backup repository file://" + dir.resolve("repo")
                                    + " is encrypted and no key is configured");
                });
    }

    @Test
    void aWrongKeyIsRecognisedBeforeAnyObjectIsRead() {
        BackupRepository.create(store(), 3, EncryptionKey.generate(), CLOCK).close();

        assertThatThrownBy(() -> BackupRepository.open(store(), 3, EncryptionKey.generate()))
                .isInstanceOfSatisfying(KeelException.class, e -> {
                    assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE);
                    assertThat(e.code()).isEqualTo(BackupError.KEY_WRONG);
                    assertThat(e.what())
                            .isEqualTo("the configured key is not the key of backup repository file://"
                                    + dir.resolve("repo"));
                });
    }

    @Test
    void objectsWrittenWithTheKeyReadBackWithItAndReportSizesAndChecksum() throws IOException {
        EncryptionKey key = EncryptionKey.generate();
        BackupRepository.create(store(), 3, key, CLOCK).close();
        byte[] content = "PostgreSQL 17\n".getBytes(StandardCharsets.UTF_8);

        StoredObject stored;
        try (BackupRepository repo = BackupRepository.open(store(), 3, key)) {
            stored = repo.write(RepositoryLayout.backupFile("b1", "PG_VERSION"), new ByteArrayInputStream(content));
        }
        try (BackupRepository repo = BackupRepository.open(store(), 3, key);
                InputStream in = repo.read(stored.name())) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }

        assertThat(stored.size()).isEqualTo(content.length);
        assertThat(stored.sha256()).isEqualTo(sha256(content));
        assertThat(stored.storedSize()).isEqualTo(Files.size(dir.resolve("repo/backups/b1/files/PG_VERSION")));
    }

    @Test
    void theCatalogCountsOnlyBackupsWithAManifestAsComplete() {
        try (BackupRepository repo = BackupRepository.create(store(), 3, EncryptionKey.generate(), CLOCK)) {
            StoredObject file = repo.write(
                    RepositoryLayout.backupFile("20260124T101500Z", "base/1/1259"), new TestContent(100_000, 1));
            repo.writeManifest(manifest("20260124T101500Z", file));
            // A backup killed before its manifest: objects, but no manifest.
            repo.write(RepositoryLayout.backupFile("20260124T111500Z", "base/1/1259"), new TestContent(1000, 2));

            assertThat(repo.catalog().backups())
                    .containsExactly(
                            new CatalogBackup("20260124T101500Z", true), new CatalogBackup("20260124T111500Z", false));
            assertThat(repo.catalog().completeBackups()).containsExactly("20260124T101500Z");
            assertThat(repo.catalog().manifest("20260124T101500Z")).contains(manifest("20260124T101500Z", file));
            assertThat(repo.catalog().manifest("20260124T111500Z")).isEmpty();
        }
    }

    @Test
    void aManifestIsNeverReplaced() {
        try (BackupRepository repo = BackupRepository.create(store(), 3, null, CLOCK)) {
            StoredObject file = repo.write(
                    RepositoryLayout.backupFile("b1", "PG_VERSION"), new ByteArrayInputStream(new byte[] {'1', '7'}));
            repo.writeManifest(manifest("b1", file));

            assertThatThrownBy(() -> repo.writeManifest(manifest("b1", file)))
                    .isInstanceOfSatisfying(
                            KeelException.class,
                            e -> assertThat(e.what()).startsWith("backup b1 already has a manifest"));
        }
    }

    @Test
    void theCatalogListsWalByTimelineWithPartialSegmentsMarked() {
        try (BackupRepository repo = BackupRepository.create(store(), 3, null, CLOCK)) {
            repo.write(RepositoryLayout.walSegment(1, "000000010000000000000001", false), new TestContent(1000, 1));
            repo.write(RepositoryLayout.walSegment(1, "000000010000000000000002", true), new TestContent(1000, 2));
            repo.write(RepositoryLayout.walSegment(2, "000000020000000000000002", false), new TestContent(1000, 3));

            assertThat(repo.catalog().wal())
                    .extracting(WalSegment::timeline, WalSegment::name, WalSegment::partial)
                    .containsExactly(
                            Tuple.tuple(1, "000000010000000000000001", false),
                            Tuple.tuple(1, "000000010000000000000002", true),
                            Tuple.tuple(2, "000000020000000000000002", false));
            assertThat(repo.catalog().wal().get(0).object()).isEqualTo("wal/00000001/000000010000000000000001");
        }
    }

    @Test
    void drillResultsAreKeptInTheRepository() {
        try (BackupRepository repo = BackupRepository.create(store(), 3, EncryptionKey.generate(), CLOCK)) {
            DrillRecord drill = new DrillRecord(
                    "20260125T030000Z",
                    "20260124T101500Z",
                    Instant.parse("2026-01-25T03:00:00Z"),
                    Instant.parse("2026-01-25T03:04:10Z"),
                    true,
                    Map.of("restoreSeconds", "250"),
                    List.of());
            repo.writeDrill(drill);

            assertThat(repo.catalog().drills()).containsExactly("20260125T030000Z");
            assertThat(repo.readDrill("20260125T030000Z")).isEqualTo(drill);
        }
    }

    @Test
    void theRepositoryOpensFromKeelYamlSettingsAndTheKeyVariable() {
        EncryptionKey key = EncryptionKey.generate();
        BackupSettings settings = new BackupSettings(
                "file://" + dir.resolve("repo"),
                5,
                null,
                BackupSettings.defaults().s3());
        Map<String, String> env = Map.of("KEEL_BACKUP_KEY", key.toBase64());
        BackupRepository.create(settings, env, CLOCK).close();

        try (BackupRepository repo = BackupRepository.open(settings, env)) {
            assertThat(repo.config().encrypted()).isTrue();
            assertThat(repo.config().compressionLevel()).isEqualTo(5);
        }
    }

    static BackupManifest manifest(String id, StoredObject file) {
        return new BackupManifest(
                BackupManifest.FORMAT_VERSION,
                id,
                BackupType.FULL,
                null,
                1,
                "0/2000028",
                "0/2000138",
                Instant.parse("2026-01-24T10:15:00Z"),
                Instant.parse("2026-01-24T10:15:07Z"),
                "17.2",
                "7461198263912345678",
                List.of(new BackupFile("base/1/1259", file.size(), file.sha256(), file.name(), file.storedSize())),
                Map.of("public.orders", 1200L));
    }

    private static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }
}
