package dev.keel.backup.repo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every {@link ObjectStore} promises; each store's test class runs it against a real store. */
abstract class ObjectStoreContract {
    protected ObjectStore store;

    protected abstract ObjectStore newStore() throws Exception;

    @BeforeEach
    void openStore() throws Exception {
        store = newStore();
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    @Test
    void anObjectReadsBackAsWritten() {
        store.put("backups/b1/files/base/1/1259", bytes("hello"));

        assertThat(store.read("backups/b1/files/base/1/1259")).isEqualTo(bytes("hello"));
        assertThat(store.stat("backups/b1/files/base/1/1259"))
                .contains(new ObjectInfo("backups/b1/files/base/1/1259", 5));
        assertThat(store.exists("backups/b1/files/base/1/1259")).isTrue();
    }

    @Test
    void anObjectKnowsWhenItWasStored() {
        Instant before = Instant.now().minusSeconds(5);
        store.put("wal/00000001/000000010000000000000001", bytes("wal"));

        assertThat(store.storedAt("wal/00000001/000000010000000000000001"))
                .hasValueSatisfying(
                        t -> assertThat(t).isBetween(before, Instant.now().plusSeconds(5)));
        assertThat(store.storedAt("wal/00000001/missing")).isEmpty();
    }

    @Test
    void createIfAbsentWritesOnceAndNeverReplaces() {
        assertThat(store.createIfAbsent("backups/b1/lease.json", bytes("first")))
                .isTrue();
        assertThat(store.createIfAbsent("backups/b1/lease.json", bytes("second")))
                .isFalse();

        assertThat(store.read("backups/b1/lease.json")).isEqualTo(bytes("first"));
        assertThat(store.list("backups/")).extracting(ObjectInfo::name).containsExactly("backups/b1/lease.json");
    }

    @Test
    void createIfAbsentCountsTheSameContentAsItsOwnRetriedWrite() {
        assertThat(store.createIfAbsent("backups/b2/lease.json", bytes("mine"))).isTrue();

        assertThat(store.createIfAbsent("backups/b2/lease.json", bytes("mine"))).isTrue();
        assertThat(store.createIfAbsent("backups/b2/lease.json", bytes("mine, longer")))
                .isFalse();
        assertThat(store.read("backups/b2/lease.json")).isEqualTo(bytes("mine"));
    }

    @Test
    void ofWritersRacingForOneNameExactlyOneCreatesIt() throws Exception {
        int writers = 8;
        for (int round = 0; round < 5; round++) {
            String name = "backups/race-" + round + "/lease.json";
            CyclicBarrier together = new CyclicBarrier(writers);
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            try {
                List<Future<Boolean>> won = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    byte[] content = bytes("writer " + w);
                    won.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return store.createIfAbsent(name, content);
                    }));
                }
                int winners = 0;
                for (Future<Boolean> f : won) {
                    winners += f.get(60, TimeUnit.SECONDS) ? 1 : 0;
                }
                assertThat(winners).as("writers that created %s", name).isEqualTo(1);
                assertThat(new String(store.read(name), StandardCharsets.UTF_8)).startsWith("writer ");
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void aRangeOfAnObjectReadsThoseBytesOnly() throws IOException {
        store.put("backups/b1/bundles/000000", bytes("0123456789abcdef"));

        try (InputStream in = store.open("backups/b1/bundles/000000", 4, 6)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("456789"));
        }
        try (InputStream in = store.open("backups/b1/bundles/000000", 0, 16)) {
            assertThat(in.readAllBytes()).isEqualTo(bytes("0123456789abcdef"));
        }
        try (InputStream in = store.open("backups/b1/bundles/000000", 16, 0)) {
            assertThat(in.readAllBytes()).isEmpty();
        }
        assertThatThrownBy(() -> store.open("nothing/here", 0, 1)).isInstanceOf(KeelException.class);
    }

    @Test
    void anEmptyObjectIsAnObject() {
        store.put("empty", new byte[0]);

        assertThat(store.stat("empty")).contains(new ObjectInfo("empty", 0));
        assertThat(store.read("empty")).isEmpty();
    }

    @Test
    void aPutReplacesTheObjectOfTheSameName() {
        store.put("wal/00000001/000000010000000000000001.partial", bytes("first"));
        store.put("wal/00000001/000000010000000000000001.partial", bytes("second, longer"));

        assertThat(store.read("wal/00000001/000000010000000000000001.partial")).isEqualTo(bytes("second, longer"));
    }

    @Test
    void aMissingObjectHasNoSizeAndReadingItNamesIt() {
        assertThat(store.stat("nothing/here")).isEmpty();
        assertThat(store.exists("nothing/here")).isFalse();
        assertThatThrownBy(() -> store.open("nothing/here")).isInstanceOfSatisfying(KeelException.class, e -> {
            assertThat(e.exitCode()).isEqualTo(ExitCode.FAILED);
            assertThat(e.what()).isEqualTo("object 'nothing/here' is missing from " + store.describe());
        });
    }

    @Test
    void listingByPrefixIsSortedAndIncludesOnlyMatches() {
        store.put("wal/00000001/B", bytes("bb"));
        store.put("wal/00000001/A", bytes("a"));
        store.put("wal/00000002/C", bytes("ccc"));
        store.put("backups/x/manifest.json", bytes("{}"));

        assertThat(store.list("wal/00000001/"))
                .containsExactly(new ObjectInfo("wal/00000001/A", 1), new ObjectInfo("wal/00000001/B", 2));
        assertThat(store.list("wal/"))
                .extracting(ObjectInfo::name)
                .containsExactly("wal/00000001/A", "wal/00000001/B", "wal/00000002/C");
        assertThat(store.list("wal/0000000")).hasSize(3);
        assertThat(store.list("")).hasSize(4);
        assertThat(store.list("drills/")).isEmpty();
    }

    @Test
    void childrenAreTheNextNamePartsOnly() {
        store.put("backups/20260101T000000Z/files/a", bytes("a"));
        store.put("backups/20260101T000000Z/manifest.json", bytes("{}"));
        store.put("backups/20260102T000000Z/files/b/c", bytes("c"));
        store.put("keel-repo.json", bytes("{}"));

        assertThat(store.children("backups/")).containsExactly("20260101T000000Z", "20260102T000000Z");
        assertThat(store.children("")).containsExactly("backups", "keel-repo.json");
        assertThat(store.children("wal/")).isEmpty();
    }

    @Test
    void deleteRemovesTheObjectAndIgnoresAMissingOne() {
        store.put("drills/d1.json", bytes("{}"));

        store.delete("drills/d1.json");
        store.delete("drills/d1.json");

        assertThat(store.exists("drills/d1.json")).isFalse();
        assertThat(store.list("drills/")).isEmpty();
    }

    @Test
    void anObjectClosedWithoutCommitNeverAppears() throws IOException {
        try (PendingObject out = store.create("backups/b1/manifest.json")) {
            out.write(bytes("half a manifest"));
        }

        assertThat(store.exists("backups/b1/manifest.json")).isFalse();
        assertThat(store.list("")).isEmpty();
    }

    @Test
    void anObjectIsInvisibleUntilCommitted() throws IOException {
        try (PendingObject out = store.create("wal/00000001/000000010000000000000002")) {
            out.write(random(3 << 20, 1));
            assertThat(store.exists("wal/00000001/000000010000000000000002")).isFalse();
            assertThat(store.list("wal/")).isEmpty();
            out.commit();
        }

        assertThat(store.stat("wal/00000001/000000010000000000000002"))
                .map(ObjectInfo::size)
                .contains(3L << 20);
    }

    @Test
    void aLargeObjectStreamsInAndOut() throws IOException {
        // Larger than an S3 part, so the S3 store goes through a multipart upload.
        byte[] content = random(S3ObjectStore.PART_SIZE * 2 + 12345, 7);
        try (PendingObject out = store.create("backups/b1/files/base/5/16384")) {
            for (int off = 0; off < content.length; off += 100_000) {
                out.write(content, off, Math.min(100_000, content.length - off));
            }
            out.commit();
        }

        try (InputStream in = store.open("backups/b1/files/base/5/16384")) {
            assertThat(in.readAllBytes()).isEqualTo(content);
        }
        assertThat(store.stat("backups/b1/files/base/5/16384"))
                .map(ObjectInfo::size)
                .contains((long) content.length);
    }

    @Test
    void namesThatCouldEscapeOrHideAreRefused() {
        assertThatThrownBy(() -> store.put("../outside", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a//b", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("a/.tmp", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.put("/abs", bytes("x"))).isInstanceOf(IllegalArgumentException.class);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    static byte[] random(int length, long seed) {
        byte[] b = new byte[length];
        new Random(seed).nextBytes(b);
        return b;
    }
}
