package dev.keel.backup.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.BackupIdOrder;
import dev.keel.backup.catalog.BackupLease;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.CatalogBackup;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.backup.repo.S3TestStores;
import dev.keel.testing.S3TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Backup ids are reserved atomically in the repository: backups started in the same second, each
 * with its own catalog view (as separate processes have), get distinct ids, on a directory and on S3.
 * Regression for two backups started in the same second that both reported success under one id.
 */
class BackupIdsTest {
    private static final Instant SAME_SECOND = Instant.parse("2026-01-24T10:15:00.300Z");

    @TempDir
    Path dir;

    @Test
    void backupsStartedInTheSameSecondGetDistinctIdsInADirectory() throws Exception {
        assertDistinctIds(new FileObjectStore(dir.resolve("repo")));
    }

    @Test
    void backupsStartedInTheSameSecondGetDistinctIdsOnS3() throws Exception {
        try (S3TestServer server = S3TestServer.start()) {
            assertDistinctIds(S3TestStores.store(server, server.newBucket(), "repo"));
        }
    }

    @Test
    void idsOfOneSecondSortAsNumbersPastNine() {
        List<String> ids = new ArrayList<>(List.of(
                "20260124T101500Z-10",
                "20260124T101500Z-2",
                "20260124T101501Z",
                "20260124T101500Z",
                "20260124T101500Z-9",
                "20260124T101459Z-11"));
        ids.sort(BackupIdOrder.OLDEST_FIRST);
        assertThat(ids)
                .containsExactly(
                        "20260124T101459Z-11",
                        "20260124T101500Z",
                        "20260124T101500Z-2",
                        "20260124T101500Z-9",
                        "20260124T101500Z-10",
                        "20260124T101501Z");
    }

    @Test
    void theCatalogListsTwelveBackupsOfOneSecondInTheOrderTheyWereTaken() {
        try (BackupRepository repository =
                BackupRepository.create(new FileObjectStore(dir.resolve("repo")), 3, null, Clock.systemUTC())) {
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                taken.add(BackupIds.reserve(repository, SAME_SECOND, BackupIdsTest::lease)
                        .backupId());
            }
            assertThat(taken).doesNotHaveDuplicates().endsWith("20260124T101500Z-12");
            assertThat(repository.catalog().backups())
                    .extracting(CatalogBackup::id)
                    .containsExactlyElementsOf(taken);
        }
    }

    private static void assertDistinctIds(ObjectStore store) throws Exception {
        int backups = 6;
        try (BackupRepository created = BackupRepository.create(store, 3, null, Clock.systemUTC())) {
            CyclicBarrier together = new CyclicBarrier(backups);
            ExecutorService pool = Executors.newFixedThreadPool(backups);
            try {
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < backups; i++) {
                    ids.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return BackupIds.reserve(created, SAME_SECOND, BackupIdsTest::lease)
                                .backupId();
                    }));
                }
                List<String> got = new ArrayList<>();
                for (Future<String> id : ids) {
                    got.add(id.get(60, TimeUnit.SECONDS));
                }
                assertThat(got)
                        .hasSize(backups)
                        .doesNotHaveDuplicates()
                        .allMatch(id -> id.startsWith("20260124T101500Z"));
                assertThat(created.catalog().leases()).containsOnlyKeys(got);
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static BackupLease lease(String id) {
        return new BackupLease(
                id, "test", 1, UUID.randomUUID().toString(), SAME_SECOND, SAME_SECOND, null, BackupLease.RUNNING);
    }
}
