package dev.keel.backup.wal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.codec.EncryptionKey;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel wal push tells a conflict (the repository holds a readable, different segment of that name)
 * from a stored copy it cannot read. Regression for a damaged stored copy reported as a WAL conflict.
 */
class WalArchiveTest {
    private static final String SEGMENT = "000000010000000000000003";

    @TempDir
    Path dir;

    @Test
    void pushingTheSameSegmentAgainSucceedsAndADifferentOneIsAConflict() throws Exception {
        try (BackupRepository repository = repository()) {
            WalArchive archive = new WalArchive(repository);
            Path file = segment("a", 1);
            assertThat(archive.push(file)).isTrue();
            assertThat(archive.push(file)).as("identical: already there").isFalse();

            assertThatThrownBy(() -> archive.push(segment("b", 2)))
                    .isInstanceOfSatisfying(
                            KeelException.class, e -> assertThat(e.code()).isEqualTo(BackupError.WAL_CONFLICT))
                    .hasMessageContaining("already holds a different " + SEGMENT);
        }
    }

    @Test
    void aDamagedStoredCopyIsReportedAsDamagedNotAsAConflictAndStaysUntouched() throws Exception {
        try (BackupRepository repository = repository()) {
            WalArchive archive = new WalArchive(repository);
            Path file = segment("a", 1);
            archive.push(file);
            Path stored = dir.resolve("repo/wal/00000001").resolve(SEGMENT);
            byte[] damaged = Files.readAllBytes(stored);
            damaged[damaged.length / 2] ^= 0x5A;
            Files.write(stored, damaged);

            assertThatThrownBy(() -> archive.push(file))
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.code()).isEqualTo(BackupError.OBJECT_DAMAGED);
                        assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
                        assertThat(e.what()).contains("the repository's copy of " + SEGMENT + " in", "is damaged");
                        assertThat(e.todo()).contains("backup.encryption", "delete wal/00000001/" + SEGMENT);
                    })
                    .hasMessageNotContaining("different");
            assertThat(Arrays.equals(Files.readAllBytes(stored), damaged))
                    .as("keel never overwrites a stored copy it cannot read")
                    .isTrue();
        }
    }

    private BackupRepository repository() {
        return BackupRepository.create(
                new FileObjectStore(dir.resolve("repo")), 3, EncryptionKey.generate(), Clock.systemUTC());
    }

    /** A segment-sized file of {@code fill} bytes, named as a segment, in a directory of its own. */
    private Path segment(String where, int fill) throws Exception {
        Path file = Files.createDirectories(dir.resolve(where)).resolve(SEGMENT);
        byte[] content = new byte[1 << 16];
        Arrays.fill(content, (byte) fill);
        Files.write(file, content);
        return file;
    }
}
