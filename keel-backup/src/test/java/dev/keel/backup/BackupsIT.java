package dev.keel.backup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.base.BackupResult;
import dev.keel.backup.drill.DrillResult;
import dev.keel.backup.prune.PruneResult;
import dev.keel.backup.prune.RetentionPolicy;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.restore.RestoreResult;
import dev.keel.backup.stream.WalSetup;
import dev.keel.backup.stream.WalStreamer;
import dev.keel.backup.verify.VerifyResult;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * The whole backup cycle through the facade alone, configured as an application would (keel.yaml in a project
 * directory, the database and repository in code): init → backup → list → verify → restore → drill → prune, and a
 * WAL stream that stores a switched segment.
 */
@WithPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupsIT {
    @TempDir
    static Path dir;

    static TestCluster cluster;
    static Backups backups;
    static BackupResult first;
    static final List<String> notes = new CopyOnWriteArrayList<>();
    static final BlockingQueue<String> stored = new LinkedBlockingQueue<>();

    @BeforeAll
    static void project(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        cluster.execute("postgres", "create table if not exists kept (id int primary key, note text)");
        cluster.execute(
                "postgres",
                "insert into kept select g, 'row ' || g from generate_series(1, 300) g on conflict do nothing");
        Path project = Files.createDirectories(dir.resolve("project"));
        Files.writeString(project.resolve("keel.yaml"), """
                backup:
                  retention:
                    full: 1
                  drill:
                    invariants:
                      - select count(*) = 300 from kept
                  stream:
                    slot: facade_slot
                    applicationName: facade_wal
                """);
        backups = Backups.configure()
                .projectDir(project)
                .env(Map.of())
                .url(cluster.jdbcUrl(), null, null)
                .repository("file://" + dir.resolve("repo"))
                .listener(new BackupListener() {
                    @Override
                    public void note(String line) {
                        notes.add(line);
                    }

                    @Override
                    public void stored(String name) {
                        stored.add(name);
                    }

                    @Override
                    public void warning(String message) {
                        notes.add("warning: " + message);
                    }

                    @Override
                    public void retrying(String problem, long seconds) {
                        notes.add("retrying: " + problem);
                    }
                })
                .load();
        backups.init();
        first = backups.backup();
    }

    @AfterAll
    static void dropSlot() {
        cluster.execute(
                "postgres",
                "select pg_drop_replication_slot(slot_name) from pg_replication_slots where slot_name = 'facade_slot'");
    }

    @Test
    @Order(1)
    void theBackupIsListedCompleteAndVerifies() {
        assertThat(first.files()).isPositive();
        BackupList list = backups.list();
        assertThat(list.backups()).singleElement().satisfies(entry -> {
            assertThat(entry.id()).isEqualTo(first.id());
            assertThat(entry.complete()).isTrue();
            assertThat(entry.stopLsn()).isEqualTo(first.stopLsn());
        });
        VerifyResult verified = backups.verify();
        assertThat(verified.problems()).isEmpty();
        assertThat(verified.backups())
                .singleElement()
                .satisfies(check -> assertThat(check.id()).isEqualTo(first.id()));
    }

    @Test
    @Order(2)
    void restoreToLatestGivesBackTheRowsAndLeavesKeelWalGetAsRestoreCommand() throws Exception {
        RestoreResult restored = backups.restore(RestoreRequest.into(dir.resolve("restored"))
                .to(RecoveryTarget.parse("latest"))
                .start());
        try {
            assertThat(restored.backupId()).isEqualTo(first.id());
            assertThat(restored.running()).isTrue();
            try (Connection c = DriverManager.getConnection(
                            "jdbc:postgresql://127.0.0.1:" + restored.port() + "/postgres?user=postgres");
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("select count(*) from kept")) {
                rs.next();
                assertThat(rs.getInt(1)).isEqualTo(300);
            }
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(restored.binDir())), Path.of(restored.targetDir()))
                    .stopImmediately();
        }
        assertThat(Files.readString(Path.of(restored.targetDir()).resolve("postgresql.auto.conf")))
                .contains("restore_command = 'keel -C ")
                .contains(" wal get --repo file://" + dir.resolve("repo") + " %f %p'");
    }

    @Test
    @Order(3)
    void aDrillPassesWithTheInvariantFromKeelYaml() {
        DrillResult drill = backups.drill();
        assertThat(drill.passed()).as(String.join("; ", drill.failures())).isTrue();
        assertThat(drill.backupId()).isEqualTo(first.id());
        assertThat(drill.invariants())
                .singleElement()
                .satisfies(i -> assertThat(i.passed()).isTrue());
        assertThat(drill.rpoMillis())
                .as("the primary answered, so the RPO is measured")
                .isNotNull();
        assertThat(dir.resolve("repo").resolve("drills").resolve(drill.id() + ".json"))
                .exists();
    }

    @Test
    @Order(4)
    void pruneKeepsTheNewestFullBackupAsKeelYamlSays() {
        BackupResult second = backups.backup();
        PruneResult dryRun = backups.prune(new RetentionPolicy(1, null), true);
        assertThat(dryRun.plan().backups()).containsExactly(first.id());
        assertThat(backups.list().backups()).hasSize(2);

        PruneResult pruned = backups.prune();
        assertThat(pruned.dryRun()).isFalse();
        assertThat(pruned.plan().backups()).containsExactly(first.id());
        assertThat(backups.list().backups()).extracting(BackupList.Entry::id).containsExactly(second.id());
    }

    @Test
    @Order(5)
    void theWalStreamStoresASwitchedSegmentUntilStopped() throws Exception {
        WalSetup.Result setup = backups.walSetup(WalSetup.Mode.LEAVE);
        assertThat(setup.slot()).isEqualTo("facade_slot");
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (WalStream stream = backups.walStream()) {
            Future<WalStreamer.Result> running = executor.submit(stream::run);
            awaitStreaming(running);
            cluster.execute("postgres", "insert into kept values (1000, 'streamed')");
            String switched = cluster.queryString("postgres", "select pg_walfile_name(pg_current_wal_insert_lsn())");
            cluster.execute("postgres", "select pg_switch_wal()");
            String name;
            do {
                name = stored.poll(60, TimeUnit.SECONDS);
                assertThat(name)
                        .as(
                                "segment %s stored within a minute; notes: %s; repository WAL: %s",
                                switched, notes, walInRepository())
                        .isNotNull();
                assertThat(running.isDone()).as("the stream still runs").isFalse();
            } while (!name.equals(switched));
            stream.stop();
            WalStreamer.Result result = running.get(60, TimeUnit.SECONDS);
            assertThat(result.segmentsStored()).isPositive();
        } finally {
            executor.shutdownNow();
        }
    }

    /** Until the server lists the receiver as streaming: from then on, the segment being written is one it will store. */
    private static void awaitStreaming(Future<?> running) {
        String sql =
                "select count(*) from pg_stat_replication where application_name = 'facade_wal' and state = 'streaming'";
        Eventually.await(
                Duration.ofSeconds(60),
                "the receiver to stream",
                () -> {
                    assertThat(running.isDone())
                            .as("the stream ended early; notes: %s", notes)
                            .isFalse();
                    return "1".equals(cluster.queryString("postgres", sql));
                },
                () -> "notes: " + notes);
    }

    private static List<String> walInRepository() throws IOException {
        try (Stream<Path> files = Files.walk(dir.resolve("repo").resolve("wal"))) {
            return files.filter(Files::isRegularFile)
                    .map(f -> f.getFileName().toString())
                    .sorted()
                    .toList();
        }
    }
}
