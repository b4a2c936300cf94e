package dev.keel.backup.remote;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.incr.IncrementalPlan;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ArchiveIngestTest {
    private static final String SEGMENT = "000000010000000000000002";

    @TempDir
    Path dir;

    BackupRepository repository;

    @BeforeEach
    void createRepository() {
        repository = BackupRepository.create(new FileObjectStore(dir.resolve("repo")), 3, null, Clock.systemUTC());
    }

    @AfterEach
    void closeRepository() {
        repository.close();
    }

    @Test
    void filesBecomeBackupFilesWithSizeAndSha256AndDirectoriesAreListed() throws Exception {
        byte[] archive = new TarBuilder()
                .directory("base")
                .directory("base/5")
                .file("base/5/1259", "relation")
                .file("backup_label", "START WAL LOCATION: 0/2000028")
                .directory("pg_wal")
                .directory("./pg_wal/archive_status")
                .bytes();
        ArchiveIngest ingest = new ArchiveIngest(repository, "20260124T101500Z");

        ingest.ingest(new ByteArrayInputStream(archive));

        assertThat(ingest.directories()).containsExactly("base", "base/5", "pg_wal", "pg_wal/archive_status");
        assertThat(ingest.files()).extracting(BackupFile::path).containsExactly("base/5/1259", "backup_label");
        BackupFile relation = ingest.files().get(0);
        assertThat(relation.size()).isEqualTo(8);
        assertThat(relation.sha256())
                .isEqualTo(HexFormat.of()
                        .formatHex(MessageDigest.getInstance("SHA-256")
                                .digest("relation".getBytes(StandardCharsets.UTF_8))));
        assertThat(relation.object()).isEqualTo("backups/20260124T101500Z/bundles/000000");
        assertThat(relation.bundled()).isTrue();
        assertThat(ingest.files().get(1).object()).isEqualTo("backups/20260124T101500Z/files/backup_label");
        try (InputStream in = repository.read(relation)) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("relation");
        }
    }

    @Test
    void walGoesToTheSharedWalAreaAndStatusMarkersAreDropped() throws IOException {
        byte[] archive = new TarBuilder()
                .file("pg_wal/" + SEGMENT, "segment")
                .file("pg_wal/archive_status/" + SEGMENT + ".done", "")
                .file("pg_wal/00000002.history", "1\t0/3000000\tno recovery target specified\n")
                .bytes();
        ArchiveIngest ingest = new ArchiveIngest(repository, "b1");

        ingest.ingest(new ByteArrayInputStream(archive));

        assertThat(ingest.files()).isEmpty();
        assertThat(ingest.walFiles()).containsExactly(SEGMENT, "00000002.history");
        assertThat(repository.store().exists("wal/00000001/" + SEGMENT)).isTrue();
        assertThat(repository.store().exists("wal/00000002/00000002.history")).isTrue();
    }

    @Test
    void aSegmentAlreadyArchivedIsKeptAsItIs() throws IOException {
        repository.write(
                "wal/00000001/" + SEGMENT, new ByteArrayInputStream("pushed before".getBytes(StandardCharsets.UTF_8)));
        ArchiveIngest ingest = new ArchiveIngest(repository, "b1");

        ingest.ingest(new ByteArrayInputStream(new TarBuilder()
                .file("pg_wal/" + SEGMENT, "from the backup")
                .file("PG_VERSION", "15")
                .bytes()));

        assertThat(ingest.walFiles()).containsExactly(SEGMENT);
        assertThat(ingest.files()).extracting(BackupFile::path).containsExactly("PG_VERSION");
        try (InputStream in = repository.read("wal/00000001/" + SEGMENT)) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("pushed before");
        }
    }

    @Test
    void aSymbolicLinkIsRefused() {
        byte[] archive =
                new TarBuilder().symlink("pg_tblspc/16400", "/srv/space").bytes();

        assertThatThrownBy(() -> new ArchiveIngest(repository, "b1").ingest(new ByteArrayInputStream(archive)))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.exitCode()).isEqualTo(ExitCode.USAGE));
    }

    @Test
    void aPathLeavingTheDataDirectoryIsRefused() {
        byte[] archive = new TarBuilder().file("base/../../etc/passwd", "x").bytes();

        assertThatThrownBy(() -> new ArchiveIngest(repository, "b1").ingest(new ByteArrayInputStream(archive)))
                .isInstanceOf(IOException.class)
                .hasMessageContaining("outside the data directory");
    }

    @Test
    void anIncrementalPointsUnchangedFilesAtTheParentsObjectsAndStoresTheRest() throws IOException {
        byte[] big = new byte[ArchiveIngest.HASH_FIRST_LIMIT + 8192];
        Arrays.fill(big, (byte) 7);
        ArchiveIngest full = new ArchiveIngest(repository, "b0");
        full.ingest(new ByteArrayInputStream(new TarBuilder()
                .file("PG_VERSION", "17")
                .file("base/5/1259", "relation")
                .file("base/5/16384", big)
                .file("base/5/16390", big)
                .bytes()));
        BackupManifest parent = new BackupManifest(
                BackupManifest.FORMAT_VERSION,
                "b0",
                BackupType.FULL,
                null,
                1,
                "0/2000028",
                "0/2000100",
                Instant.EPOCH,
                Instant.EPOCH,
                "17.0",
                "7000000000000000001",
                full.files(),
                null);
        byte[] bigChanged = big.clone();
        bigChanged[100] = 8;

        ArchiveIngest incremental = new ArchiveIngest(repository, "b1", IncrementalPlan.byChecksum(parent));
        incremental.ingest(new ByteArrayInputStream(new TarBuilder()
                .file("PG_VERSION", "17")
                .file("base/5/1259", "RELATION")
                .file("base/5/16384", big)
                .file("base/5/16390", bigChanged)
                .file("base/5/16400", "new")
                .bytes()));

        // Small and large unchanged files alike borrow the parent's object; same-size changed ones and new ones are
        // stored.
        assertThat(incremental.files())
                .extracting(BackupFile::object)
                .containsExactly(
                        "backups/b0/bundles/000000",
                        "backups/b1/bundles/000000",
                        "backups/b0/files/base/5/16384",
                        "backups/b1/files/base/5/16390",
                        "backups/b1/bundles/000000");
        // The large unchanged file was written before its checksum was known; its own copy is gone again.
        assertThat(repository.store().exists("backups/b1/files/base/5/16384")).isFalse();
        assertThat(repository.store().exists("backups/b1/files/PG_VERSION")).isFalse();
        try (InputStream in = repository.read(incremental.files().get(4))) {
            assertThat(in.readAllBytes()).asString(StandardCharsets.UTF_8).isEqualTo("new");
        }
        try (InputStream in = repository.read("backups/b1/files/base/5/16390")) {
            assertThat(in.readAllBytes()).isEqualTo(bigChanged);
        }
    }
}
