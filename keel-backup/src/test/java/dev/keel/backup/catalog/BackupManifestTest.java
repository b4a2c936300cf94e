package dev.keel.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BackupManifestTest {
    @TempDir
    Path dir;

    private BackupRepository repository() {
        return BackupRepository.create(new FileObjectStore(dir.resolve("repo")), 3, null, Clock.systemUTC());
    }

    private static BackupManifest manifest(int formatVersion, List<BackupFile> files) {
        return new BackupManifest(
                formatVersion,
                "b1",
                BackupType.FULL,
                null,
                1,
                "0/2000028",
                "0/2000100",
                Instant.parse("2026-12-02T10:00:00Z"),
                Instant.parse("2026-12-02T10:00:05Z"),
                "17.2",
                "7400000000000000001",
                files,
                Map.of("public.t", 3L),
                List.of("base", "base/1"));
    }

    @Test
    void bundledAndLoneFilesReadBackAsWritten() {
        List<BackupFile> files = List.of(
                new BackupFile("base/1/112", 0, "e3b0", RepositoryLayout.bundle("b1", 0), 29, null, 0L),
                new BackupFile("base/1/113", 8192, "ab12", RepositoryLayout.bundle("b1", 0), 71, null, 29L),
                new BackupFile(
                        "global/pg_control", 8192, "cd34", RepositoryLayout.backupFile("b1", "global/pg_control"), 90));
        try (BackupRepository repository = repository()) {
            repository.writeManifest(manifest(BackupManifest.FORMAT_VERSION, files));

            BackupManifest read = repository.readManifest("b1").orElseThrow();

            assertThat(read.files()).isEqualTo(files);
            assertThat(read.files().get(1).location()).isEqualTo("backups/b1/bundles/000000@29");
            assertThat(read.files().get(2).bundled()).isFalse();
            assertThat(read.files().get(2).location()).isEqualTo("backups/b1/files/global/pg_control");
        }
    }

    @Test
    void aManifestOfTheFirstFormatHasNoBundlesAndStillReads() {
        String json = """
                {"formatVersion":1,"id":"b1","type":"full","timeline":1,"startLsn":"0/2000028","stopLsn":"0/2000100",
                 "startTime":"2026-12-02T10:00:00Z","stopTime":"2026-12-02T10:00:05Z","postgresVersion":"16.4",
                 "systemIdentifier":"1","files":[{"path":"base/1/113","size":8192,"sha256":"ab12",
                 "object":"backups/b1/files/base/1/113","storedSize":90}]}
                """;
        try (BackupRepository repository = repository()) {
            repository.write(
                    RepositoryLayout.manifest("b1"), new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));

            BackupFile file =
                    repository.readManifest("b1").orElseThrow().files().get(0);

            assertThat(file.bundled()).isFalse();
            assertThat(file.offset()).isNull();
            assertThat(file.location()).isEqualTo("backups/b1/files/base/1/113");
        }
    }

    @Test
    void aManifestOfALaterFormatIsRefusedRatherThanMisread() {
        try (BackupRepository repository = repository()) {
            repository.writeManifest(manifest(BackupManifest.FORMAT_VERSION + 1, List.of()));

            assertThatThrownBy(() -> repository.readManifest("b1")).isInstanceOfSatisfying(KeelException.class, e -> {
                assertThat(e.code()).isEqualTo(BackupError.REPOSITORY_TOO_NEW);
                assertThat(e.todo()).isEqualTo("upgrade keel");
            });
        }
    }
}
