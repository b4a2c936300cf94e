package dev.keel.backup.stream;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.BackupError;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.codec.EncryptionKey;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.backup.wal.WalArchive;
import dev.keel.error.KeelException;
import dev.keel.testing.Eventually;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The stream's uploader calls only a real conflict a conflict: a readable stored segment that differs.
 * Regression for a damaged stored copy (OBJECT_DAMAGED, exit 1 like WAL_CONFLICT) taken for a conflict:
 * the received segment was set aside as .conflict and streaming went on as if the repository held it.
 */
class WalUploaderTest {
    private static final String SEGMENT = "000000010000000000000003";
    private static final Duration LIMIT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @Test
    void aDifferentReadableStoredSegmentIsAConflictAndTheReceivedCopyIsSetAside() throws Exception {
        try (BackupRepository repository = repository()) {
            new WalArchive(repository).push(segment("elsewhere", 1));
            Path received = segment("spool", 2);
            List<String> warnings = new CopyOnWriteArrayList<>();
            CountDownLatch refused = new CountDownLatch(1);
            WalUploader uploader = uploader(repository, warnings, refused);
            uploader.start();
            uploader.finished(received);
            Eventually.await(
                    LIMIT,
                    "the received copy to be set aside",
                    () -> Files.exists(received.resolveSibling(SEGMENT + ".conflict")),
                    () -> warnings);
            uploader.close();

            assertThat(warnings).anySatisfy(w -> assertThat(w).contains("already holds a different " + SEGMENT));
            assertThat(uploader.refusal()).isEmpty();
        }
    }

    @Test
    void aDamagedStoredSegmentStopsTheUploaderAsDamagedAndKeepsTheReceivedCopyInTheSpool() throws Exception {
        try (BackupRepository repository = repository()) {
            Path received = segment("spool", 1);
            Path copy = segment("elsewhere", 1);
            new WalArchive(repository).push(copy);
            Path stored = dir.resolve("repo/wal/00000001").resolve(SEGMENT);
            byte[] damaged = Files.readAllBytes(stored);
            damaged[damaged.length / 2] ^= 0x5A;
            Files.write(stored, damaged);
            List<String> warnings = new CopyOnWriteArrayList<>();
            CountDownLatch refused = new CountDownLatch(1);
            WalUploader uploader = uploader(repository, warnings, refused);
            uploader.start();
            uploader.finished(received);
            Optional<KeelException> why = Eventually.await(
                    LIMIT, "the uploader to stop on the damaged copy", uploader::refusal, Optional::isPresent);
            uploader.close();

            assertThat(refused.getCount()).as("the receiver is told").isZero();
            assertThat(why.orElseThrow().code()).isEqualTo(BackupError.OBJECT_DAMAGED);
            assertThat(why.orElseThrow().what()).contains("is damaged").doesNotContain("different");
            assertThat(received).as("the spool keeps the received segment").exists();
            assertThat(received.resolveSibling(SEGMENT + ".conflict")).doesNotExist();
            assertThat(warnings).noneSatisfy(w -> assertThat(w).contains("conflict"));
            assertThat(Arrays.equals(Files.readAllBytes(stored), damaged)).isTrue();
        }
    }

    private static WalUploader uploader(BackupRepository repository, List<String> warnings, CountDownLatch refused) {
        StreamListener listener = new StreamListener() {
            @Override
            public void warning(String message) {
                warnings.add(message);
            }
        };
        return new WalUploader(repository, listener, Duration.ofHours(1), refused::countDown);
    }

    private BackupRepository repository() {
        return BackupRepository.create(
                new FileObjectStore(dir.resolve("repo")), 3, EncryptionKey.generate(), Clock.systemUTC());
    }

    private Path segment(String where, int fill) throws Exception {
        Path file = Files.createDirectories(dir.resolve(where)).resolve(SEGMENT);
        byte[] content = new byte[1 << 16];
        Arrays.fill(content, (byte) fill);
        Files.write(file, content);
        return file;
    }
}
