package dev.keel.backup.repo;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.JavaProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A writer killed with SIGKILL half way through an object leaves no object, only an ignored temporary file. */
class FileObjectStoreKillTest {
    @TempDir
    Path dir;

    @Test
    void anObjectKilledMidWriteNeverBecomesVisible() throws Exception {
        Path root = dir.resolve("repo");
        JavaProcess writer =
                JavaProcess.start(WriteUntilKilled.class.getName(), dir, Map.of(), List.of(root.toString()));
        try {
            awaitOutput(writer, "writing");
        } finally {
            writer.kill9();
        }

        FileObjectStore store = new FileObjectStore(root);
        assertThat(store.list(""))
                .extracting(ObjectInfo::name)
                .containsExactly("wal/00000001/000000010000000000000001");
        assertThat(store.exists("backups/b1/files/base/1/16384")).isFalse();
        assertThat(store.children("backups/b1/files/base/1/")).isEmpty();
        // The write really was under way: its temporary file holds the megabytes written so far.
        try (Stream<Path> files = Files.list(root.resolve("backups/b1/files/base/1"))) {
            assertThat(files.toList()).singleElement().satisfies(temp -> {
                assertThat(temp.getFileName().toString()).startsWith(".16384.tmp-");
                assertThat(Files.size(temp)).isGreaterThan(8L << 20);
            });
        }
    }

    private static void awaitOutput(JavaProcess process, String line) throws InterruptedException, IOException {
        long deadline = System.nanoTime() + 30_000_000_000L;
        while (!process.stdout().contains(line)) {
            if (!process.isAlive()) {
                throw new AssertionError("writer exited early; stderr: " + process.stderr());
            }
            if (System.nanoTime() > deadline) {
                throw new AssertionError("writer never reported '" + line + "'; stderr: " + process.stderr());
            }
            Thread.sleep(20);
        }
    }
}
