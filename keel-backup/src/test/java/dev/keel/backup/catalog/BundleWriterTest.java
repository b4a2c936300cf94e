package dev.keel.backup.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.backup.BackupError;
import dev.keel.backup.codec.EncryptionKey;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.error.KeelException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class BundleWriterTest {
    private static final String BUNDLE = RepositoryLayout.bundle("b1", 0);

    @TempDir
    Path dir;

    private BackupRepository repository(boolean encrypted) {
        return BackupRepository.create(
                new FileObjectStore(dir.resolve("repo")),
                3,
                encrypted ? EncryptionKey.generate() : null,
                Clock.systemUTC());
    }

    /** An empty file, text, and incompressible bytes larger than one codec chunk. */
    private static Map<String, byte[]> contents() {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put("base/1/112", new byte[0]);
        files.put("base/1/113", "a small relation".repeat(500).getBytes(StandardCharsets.UTF_8));
        byte[] noise = new byte[(1 << 20) + 17];
        new Random(7).nextBytes(noise);
        files.put("base/1/114", noise);
        files.put("global/pg_filenode.map", new byte[] {1, 2, 3});
        return files;
    }

    private static List<BackupFile> write(BackupRepository repository, Map<String, byte[]> files) throws IOException {
        List<BackupFile> entries = new ArrayList<>();
        try (BundleWriter writer = repository.bundle(BUNDLE)) {
            for (Map.Entry<String, byte[]> file : files.entrySet()) {
                entries.add(writer.append(file.getKey(), new ByteArrayInputStream(file.getValue())));
            }
            writer.commit();
        }
        return entries;
    }

    @ParameterizedTest
    @ValueSource(booleans = {false, true})
    void eachEntryDecodesAloneFromItsOffsetAndStoredSize(boolean encrypted) throws Exception {
        Map<String, byte[]> files = contents();
        try (BackupRepository repository = repository(encrypted)) {
            List<BackupFile> entries = write(repository, files);

            assertThat(entries).extracting(BackupFile::object).containsOnly(BUNDLE);
            assertThat(entries).allMatch(BackupFile::bundled);
            long end = 0;
            for (BackupFile entry : entries) {
                assertThat(entry.offset()).isEqualTo(end);
                end += entry.storedSize();
                assertThat(entry.size()).isEqualTo(files.get(entry.path()).length);
                assertThat(entry.sha256()).isEqualTo(sha256(files.get(entry.path())));
            }
            assertThat(repository.store().stat(BUNDLE).orElseThrow().size()).isEqualTo(end);
            // Last first: nothing depends on what was read before.
            for (BackupFile entry : reversed(entries)) {
                try (InputStream in = repository.read(entry)) {
                    assertThat(in.readAllBytes()).isEqualTo(files.get(entry.path()));
                }
            }
        }
    }

    @Test
    void aReaderPassesOnceThroughTheBundleEvenWhenAnEntryIsLeftUnread() throws Exception {
        Map<String, byte[]> files = contents();
        try (BackupRepository repository = repository(false)) {
            List<BackupFile> entries = new ArrayList<>(write(repository, files));
            java.util.Collections.shuffle(entries, new Random(3));
            Map<String, byte[]> read = new LinkedHashMap<>();
            try (BundleReader reader = new BundleReader(repository, BUNDLE, entries)) {
                while (reader.hasNext()) {
                    BackupFile entry = reader.next();
                    if (!entry.path().equals("base/1/113")) {
                        read.put(entry.path(), reader.content().readAllBytes());
                    }
                }
            }
            assertThat(read.keySet()).containsExactly("base/1/112", "base/1/114", "global/pg_filenode.map");
            read.forEach((path, bytes) -> assertThat(bytes).isEqualTo(files.get(path)));
        }
    }

    @Test
    void aDamagedEntryFailsAloneAndNamesItsPlaceInTheBundle() throws Exception {
        Map<String, byte[]> files = contents();
        try (BackupRepository repository = repository(false)) {
            List<BackupFile> entries = write(repository, files);
            BackupFile damaged = entries.get(1);
            flipByte(dir.resolve("repo").resolve(BUNDLE), damaged.offset() + damaged.storedSize() / 2);

            assertThatThrownBy(() -> {
                        try (InputStream in = repository.read(damaged)) {
                            in.readAllBytes();
                        }
                    })
                    .isInstanceOfSatisfying(KeelException.class, e -> {
                        assertThat(e.code()).isEqualTo(BackupError.OBJECT_DAMAGED);
                        assertThat(e.what()).contains(BUNDLE + "@" + damaged.offset());
                    });
            try (BundleReader reader = new BundleReader(repository, BUNDLE, entries)) {
                List<String> failed = new ArrayList<>();
                while (reader.hasNext()) {
                    BackupFile entry = reader.next();
                    try (InputStream in = reader.content()) {
                        assertThat(in.readAllBytes()).isEqualTo(files.get(entry.path()));
                    } catch (KeelException e) {
                        failed.add(entry.path());
                    }
                }
                assertThat(failed).containsExactly(damaged.path());
            }
        }
    }

    @Test
    void entriesOfAnotherObjectAreRefused() throws Exception {
        try (BackupRepository repository = repository(false)) {
            List<BackupFile> entries = write(repository, contents());
            BackupFile alone = new BackupFile("base/1/1", 1, "00", "backups/b1/files/base/1/1", 1);

            assertThatThrownBy(() -> new BundleReader(repository, BUNDLE, List.of(entries.get(0), alone)))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    private static List<BackupFile> reversed(List<BackupFile> entries) {
        List<BackupFile> copy = new ArrayList<>(entries);
        java.util.Collections.reverse(copy);
        return copy;
    }

    static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5a));
            one.rewind();
            channel.write(one, position);
        }
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
