package dev.keel.backup.drill;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.DrillRecord;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.backup.repo.S3TestStores;
import dev.keel.testing.S3TestServer;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Drill ids are reserved atomically in the repository, as backup ids are: drills started in the same
 * second, each reading the repository before any of them reserved, get distinct ids, on a directory
 * and on S3. Regression for two drills started in the same second that both took one id, the second
 * record overwriting the first.
 */
class DrillIdsTest {
    private static final Instant SAME_SECOND = Instant.parse("2026-01-25T03:00:00.400Z");

    @TempDir
    Path dir;

    @Test
    void drillsStartedInTheSameSecondGetDistinctIdsInADirectory() throws Exception {
        assertDistinctIds(new FileObjectStore(dir.resolve("repo")));
    }

    @Test
    void drillsStartedInTheSameSecondGetDistinctIdsOnS3() throws Exception {
        try (S3TestServer server = S3TestServer.start()) {
            assertDistinctIds(S3TestStores.store(server, server.newBucket(), "repo"));
        }
    }

    @Test
    void anIdReservedButNotYetRecordedIsNotGivenAgain() {
        try (BackupRepository repository = repository(new FileObjectStore(dir.resolve("repo")))) {
            String first = DrillIds.reserve(repository, SAME_SECOND);

            assertThat(repository.catalog().drills()).as("no record yet").isEmpty();
            assertThat(DrillIds.reserve(repository, SAME_SECOND)).isNotEqualTo(first);
        }
    }

    @Test
    void theCatalogListsTwelveDrillsOfOneSecondInTheOrderTheyWereTaken() {
        try (BackupRepository repository = repository(new FileObjectStore(dir.resolve("repo")))) {
            List<String> taken = new ArrayList<>();
            for (int i = 0; i < 12; i++) {
                String id = DrillIds.reserve(repository, SAME_SECOND);
                repository.writeDrill(new DrillRecord(id, "b", SAME_SECOND, SAME_SECOND, true, Map.of(), List.of()));
                taken.add(id);
            }

            assertThat(taken).doesNotHaveDuplicates().startsWith("20260125T030000Z", "20260125T030000Z-2");
            assertThat(repository.catalog().drills()).containsExactlyElementsOf(taken);
        }
    }

    private static void assertDistinctIds(ObjectStore store) throws Exception {
        int drills = 6;
        try (BackupRepository repository = repository(store)) {
            CyclicBarrier together = new CyclicBarrier(drills);
            ExecutorService pool = Executors.newFixedThreadPool(drills);
            try {
                List<Future<String>> ids = new ArrayList<>();
                for (int i = 0; i < drills; i++) {
                    ids.add(pool.submit(() -> {
                        together.await(30, TimeUnit.SECONDS);
                        return DrillIds.reserve(repository, SAME_SECOND);
                    }));
                }
                List<String> got = new ArrayList<>();
                for (Future<String> id : ids) {
                    got.add(id.get(60, TimeUnit.SECONDS));
                }
                assertThat(got)
                        .hasSize(drills)
                        .doesNotHaveDuplicates()
                        .allMatch(id -> id.startsWith("20260125T030000Z"));
            } finally {
                pool.shutdownNow();
            }
        }
    }

    private static BackupRepository repository(ObjectStore store) {
        return BackupRepository.create(store, 3, null, Clock.systemUTC());
    }
}
