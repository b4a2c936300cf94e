package dev.keel.backup.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.backup.wal.WalArchive;
import dev.keel.backup.wal.WalPosition;
import dev.keel.error.KeelException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SegmentWriterTest {
    private static final int SEGMENT = 1 << 20;
    private static final WalPosition WAL = new WalPosition(SEGMENT);
    private static final long START = 16L * SEGMENT;

    @TempDir
    Path dir;

    @Test
    void finishedSegmentsAndTheFlushedPartOfTheCurrentOneReachTheRepository() throws Exception {
        byte[] wal = walBytes(SEGMENT + SEGMENT / 2);
        try (BackupRepository repository =
                BackupRepository.create(new FileObjectStore(dir.resolve("repo")), 1, null, Clock.systemUTC())) {
            WalSpool spool = new WalSpool(dir.resolve("spool"));
            WalUploader uploader = new WalUploader(repository, StreamListener.NONE, Duration.ofMinutes(1), () -> {});
            uploader.start();
            SegmentWriter writer = new SegmentWriter(spool, uploader, WAL, 1, START);
            // Messages of odd sizes, one of them across the segment boundary.
            int at = 0;
            for (int size : new int[] {1000, SEGMENT - 1500, 1000, wal.length - SEGMENT - 500}) {
                writer.write(new PhysicalStream.WalData(START + at, wal, at, size));
                at += size;
            }
            writer.force();
            writer.close();
            uploader.close();

            assertThat(read(repository, "wal/00000001/000000010000000000000010"))
                    .isEqualTo(Arrays.copyOf(wal, SEGMENT));
            assertThat(read(repository, "wal/00000001/000000010000000000000011.partial"))
                    .isEqualTo(Arrays.copyOfRange(wal, SEGMENT, wal.length));
            assertThat(spool.finished()).isEmpty();
            assertThat(spool.partialSegment()).contains("000000010000000000000011");

            // restore_command gets the partial segment at full size, zeros after what was received.
            Path restored = dir.resolve("000000010000000000000011");
            new WalArchive(repository).get("000000010000000000000011", restored);
            byte[] padded = Files.readAllBytes(restored);
            assertThat(padded).hasSize(SEGMENT);
            assertThat(Arrays.copyOf(padded, SEGMENT / 2)).isEqualTo(Arrays.copyOfRange(wal, SEGMENT, wal.length));
            assertThat(padded[SEGMENT - 1]).isZero();
        }
    }

    @Test
    void wholeSegmentsReplaceTheirPartialCopyInTheRepository() throws Exception {
        byte[] wal = walBytes(SEGMENT);
        try (BackupRepository repository =
                BackupRepository.create(new FileObjectStore(dir.resolve("repo")), 1, null, Clock.systemUTC())) {
            WalSpool spool = new WalSpool(dir.resolve("spool"));
            WalUploader uploader = new WalUploader(repository, StreamListener.NONE, Duration.ofMinutes(1), () -> {});
            uploader.start();
            SegmentWriter writer = new SegmentWriter(spool, uploader, WAL, 1, START);
            writer.write(new PhysicalStream.WalData(START, wal, 0, 4096));
            writer.force();
            uploader.partialNow();
            writer.write(new PhysicalStream.WalData(START + 4096, wal, 4096, SEGMENT - 4096));
            uploader.close();

            assertThat(repository.store().exists("wal/00000001/000000010000000000000010"))
                    .isTrue();
            assertThat(repository.store().exists("wal/00000001/000000010000000000000010.partial"))
                    .isFalse();
        }
    }

    @Test
    void aGapInTheStreamIsRefused() throws Exception {
        try (BackupRepository repository =
                BackupRepository.create(new FileObjectStore(dir.resolve("repo")), 1, null, Clock.systemUTC())) {
            WalUploader uploader = new WalUploader(repository, StreamListener.NONE, Duration.ofMinutes(1), () -> {});
            SegmentWriter writer = new SegmentWriter(new WalSpool(dir.resolve("spool")), uploader, WAL, 1, START);
            assertThatThrownBy(() -> writer.write(new PhysicalStream.WalData(START + 8, new byte[8], 0, 8)))
                    .isInstanceOf(KeelException.class)
                    .hasMessageContaining("was expected");
        }
    }

    /** Random bytes with a long page header's segment size at the start of each segment, as real WAL has. */
    private static byte[] walBytes(int length) {
        byte[] wal = new byte[length];
        new Random(42).nextBytes(wal);
        for (int segment = 0; segment < length; segment += SEGMENT) {
            ByteBuffer.wrap(wal).order(ByteOrder.nativeOrder()).putInt(segment + 32, SEGMENT);
        }
        return wal;
    }

    private static byte[] read(BackupRepository repository, String object) throws Exception {
        try (InputStream in = repository.read(object)) {
            return in.readAllBytes();
        }
    }
}
