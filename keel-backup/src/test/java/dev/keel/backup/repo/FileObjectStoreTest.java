package dev.keel.backup.repo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileObjectStoreTest extends ObjectStoreContract {
    @TempDir
    Path dir;

    @Override
    protected ObjectStore newStore() {
        return new FileObjectStore(dir.resolve("repo"));
    }

    @Test
    void objectsWrittenWithDeferredDurabilityAreVisibleAtOnceAndStayAfterTheFlush() {
        store.deferDurability();
        for (int i = 0; i < 50; i++) {
            store.put("backups/b1/files/base/1/" + i, bytes("page " + i));
        }
        assertThat(store.list("backups/b1/files/")).hasSize(50);

        store.makeDurable();
        store.put("backups/b1/manifest.json", bytes("{}"));

        assertThat(store.list("backups/b1/")).hasSize(51);
        assertThat(dir.resolve("repo/backups/b1/files/base/1/49")).hasContent("page 49");
    }

    /** A writer's temporary file renamed away mid-walk stopped the listing early (and drills took ids in use). */
    @Test
    void aListingTakenWhileOthersWriteStillHoldsEveryObjectThatStays() throws Exception {
        for (int i = 0; i < 100; i++) {
            store.put("drills/stable-" + i, bytes("x"));
        }
        AtomicBoolean stop = new AtomicBoolean();
        Thread churn = new Thread(() -> {
            for (int i = 0; !stop.get(); i++) {
                store.put("drills/churn-" + i, bytes("y"));
                store.delete("drills/churn-" + i);
            }
        });
        churn.start();
        try {
            for (int round = 0; round < 300; round++) {
                assertThat(store.list("drills/stable-")).hasSize(100);
            }
        } finally {
            stop.set(true);
            churn.join();
        }
    }

    @Test
    void theFileSystemFlushRunsHere() {
        assertThat(FileSystemSync.of(dir)).isTrue();
    }

    @Test
    void objectsAreFilesUnderTheRoot() {
        store.put("wal/00000001/000000010000000000000001", bytes("wal"));

        assertThat(dir.resolve("repo/wal/00000001/000000010000000000000001")).hasContent("wal");
        assertThat(store.describe()).isEqualTo("file://" + dir.resolve("repo"));
    }

    @Test
    void deletingTheLastObjectOfABackupRemovesItFromTheChildren() {
        store.put("backups/b1/files/base/1/1259", bytes("x"));
        store.put("backups/b2/files/PG_VERSION", bytes("17"));

        store.delete("backups/b1/files/base/1/1259");

        assertThat(store.children("backups/")).containsExactly("b2");
        assertThat(dir.resolve("repo")).isDirectory();
    }

    @Test
    void anAbandonedWriteLeavesNoTemporaryFileBehind() throws IOException {
        try (PendingObject out = store.create("backups/b1/files/PG_VERSION")) {
            out.write(bytes("17"));
        }

        try (Stream<Path> files = Files.walk(dir)) {
            assertThat(files.filter(Files::isRegularFile)).isEmpty();
        }
    }

    @Test
    void aTemporaryFileLeftByACrashIsNotListed() throws IOException {
        store.put("wal/00000001/A", bytes("a"));
        Files.writeString(dir.resolve("repo/wal/00000001/.B.tmp-1234"), "half");

        assertThat(store.list("wal/")).extracting(ObjectInfo::name).containsExactly("wal/00000001/A");
        assertThat(store.children("wal/00000001/")).containsExactly("A");
    }
}
