package dev.keel.backup.base;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.BackupFile;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.catalog.RepositoryLayout;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.backup.repo.ObjectStore;
import dev.keel.backup.repo.S3TestStores;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.restore.Restore;
import dev.keel.backup.restore.RestoreOptions;
import dev.keel.backup.restore.RestoreResult;
import dev.keel.backup.transfer.Throttle;
import dev.keel.backup.transfer.TransferProgress;
import dev.keel.backup.verify.BackupVerification;
import dev.keel.backup.verify.VerifyProblem;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.ChangingData;
import dev.keel.testing.S3TestServer;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.DriverManager;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * A cluster of many small tables, the case bundling exists for: backed up into bundles on a directory and on S3,
 * restored row for row, verified, found damaged when a bundle is, and built on by an incremental backup.
 */
@WithPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BundledBackupIT {
    static final int TABLES = 300;

    @TempDir
    static Path dir;

    static TestCluster cluster;
    static S3TestServer s3;
    static Map<String, String> fingerprint;

    @BeforeAll
    static void manySmallTables(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        s3 = S3TestServer.start();
        StringBuilder sql = new StringBuilder();
        for (int i = 0; i < TABLES; i++) {
            sql.append("create table t")
                    .append(i)
                    .append(" (id int primary key, v text);")
                    .append("insert into t")
                    .append(i)
                    .append(" select g, 'row ' || g from generate_series(1, ")
                    .append(i % 7 + 1)
                    .append(") g;");
        }
        cluster.execute("postgres", sql.toString());
        cluster.execute("postgres", "checkpoint");
        fingerprint = fingerprint(cluster.port());
    }

    @AfterAll
    static void stopS3() throws Exception {
        s3.close();
    }

    @Test
    void aBundledBackupOnADirectoryRestoresRowForRowAndVerifies() {
        try (BackupRepository repository = repository(new FileObjectStore(dir.resolve("file-repo")))) {
            BackupResult backup = backup(repository, BackupType.FULL);

            assertBundled(repository, backup.id());
            assertThat(verify(repository, backup.id())).isEmpty();
            assertThat(restored(repository, backup, "restored-file")).isEqualTo(fingerprint);
        }
    }

    @Test
    void aBundledBackupOnS3RestoresRowForRowAndVerifies() {
        try (BackupRepository repository = repository(S3TestStores.store(s3, s3.newBucket(), "keel"))) {
            BackupResult backup = backup(repository, BackupType.FULL);

            assertBundled(repository, backup.id());
            assertThat(verify(repository, backup.id())).isEmpty();
            assertThat(restored(repository, backup, "restored-s3")).isEqualTo(fingerprint);
        }
    }

    @Test
    void verifyNamesTheFileOfADamagedBundle() throws IOException {
        Path root = dir.resolve("damaged-repo");
        try (BackupRepository repository = repository(new FileObjectStore(root))) {
            BackupResult backup = backup(repository, BackupType.FULL);
            BackupFile victim = repository.readManifest(backup.id()).orElseThrow().files().stream()
                    .filter(f -> f.bundled() && f.size() > 0)
                    .findFirst()
                    .orElseThrow();
            flipByte(root.resolve(victim.object()), victim.offset() + victim.storedSize() - 3);

            List<VerifyProblem> problems = verify(repository, backup.id());

            assertThat(problems).hasSize(1);
            assertThat(problems.get(0).kind()).isIn(VerifyProblem.DAMAGED, VerifyProblem.MISMATCH);
            assertThat(problems.get(0).object()).isEqualTo(victim.object());
            assertThat(problems.get(0).detail()).contains(victim.location());
        }
    }

    /** Last: it changes the cluster the other tests compare with. */
    @Test
    @Order(Integer.MAX_VALUE)
    void anIncrementalBuildsOnABundledFullAndRestoresRowForRow() throws Exception {
        try (BackupRepository repository = repository(new FileObjectStore(dir.resolve("incr-repo")))) {
            BackupResult full = backup(repository, BackupType.FULL);
            String database = cluster.createDatabase();
            cluster.execute(database, "create table later (id int); insert into later values (1), (2)");
            cluster.execute(
                    "postgres", "insert into t5 values (100, 'after the full backup'); update t9 set v = 'changed'");
            cluster.execute("postgres", "checkpoint");
            Map<String, String> changed = fingerprint(cluster.port());

            BackupResult incremental = backup(repository, BackupType.INCREMENTAL);

            assertThat(incremental.parent()).isEqualTo(full.id());
            BackupManifest manifest = repository.readManifest(incremental.id()).orElseThrow();
            assertThat(manifest.files())
                    .as("unchanged small files point into the full backup's bundles")
                    .anyMatch(f -> f.bundled() && f.object().startsWith(RepositoryLayout.backupPrefix(full.id())));
            assertThat(manifest.files())
                    .as("the new database's small files go into the incremental's own bundles")
                    .anyMatch(f -> f.bundled()
                            && f.object().startsWith(RepositoryLayout.backupPrefix(incremental.id()))
                            && f.path().startsWith("base/"));
            assertThat(verify(repository, incremental.id())).isEmpty();
            assertThat(restored(repository, incremental, "restored-incr")).isEqualTo(changed);
        }
    }

    private static void assertBundled(BackupRepository repository, String id) {
        BackupManifest manifest = repository.readManifest(id).orElseThrow();
        assertThat(manifest.formatVersion()).isEqualTo(BackupManifest.FORMAT_VERSION);
        long bundled = manifest.files().stream().filter(BackupFile::bundled).count();
        assertThat(bundled).isGreaterThan(TABLES);
        assertThat(manifest.files())
                .filteredOn(f -> f.path().equals("global/pg_control"))
                .singleElement()
                .matches(f -> !f.bundled());
        assertThat(manifest.files()).anyMatch(f -> f.bundled() && f.size() == 0);
        int objects = repository.store().list(RepositoryLayout.backupPrefix(id)).size();
        assertThat(objects)
                .as("objects of the backup")
                .isLessThan(manifest.files().size() / 10);
    }

    private static BackupRepository repository(ObjectStore store) {
        return BackupRepository.create(store, 3, null, Clock.systemUTC());
    }

    private static BackupResult backup(BackupRepository repository, BackupType type) {
        BaseBackup backup = new BaseBackup(
                repository, db -> cluster.connect(db == null ? "postgres" : db), "the test cluster", Clock.systemUTC());
        return backup.run(new BackupOptions(2, Throttle.NONE, TransferProgress.NONE), type, note -> {});
    }

    private static List<VerifyProblem> verify(BackupRepository repository, String id) {
        return new ArrayList<>(new BackupVerification(repository, 2, TransferProgress.NONE)
                .run(id)
                .problems());
    }

    /** Recovered to the backup's end: no WAL between the backups is archived, so that is as far as recovery can go. */
    private static Map<String, String> restored(BackupRepository repository, BackupResult backup, String name) {
        Path target = dir.resolve(name);
        RestoreResult result = new Restore(repository)
                .run(new RestoreOptions(
                        backup.id(),
                        target,
                        RecoveryTarget.parse(backup.stopLsn()),
                        false,
                        true,
                        2,
                        cluster.cluster().binaries().binDir(),
                        "false",
                        TestCluster.SUPERUSER,
                        TransferProgress.NONE,
                        line -> {},
                        false));
        try {
            return fingerprint(result.port());
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.binDir())), target).stop();
        }
    }

    private static Map<String, String> fingerprint(int port) {
        try {
            return ChangingData.fingerprint(
                    DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=postgres"));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void flipByte(Path file, long position) throws IOException {
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
            java.nio.ByteBuffer one = java.nio.ByteBuffer.allocate(1);
            channel.read(one, position);
            one.put(0, (byte) (one.get(0) ^ 0x5a));
            one.rewind();
            channel.write(one, position);
        }
    }
}
