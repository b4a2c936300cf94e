package dev.keel.backup.incr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.base.BackupOptions;
import dev.keel.backup.base.BackupResult;
import dev.keel.backup.base.BaseBackup;
import dev.keel.backup.catalog.BackupManifest;
import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.catalog.BackupType;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.backup.restore.RecoveryTarget;
import dev.keel.backup.restore.Restore;
import dev.keel.backup.restore.RestoreOptions;
import dev.keel.backup.restore.RestoreResult;
import dev.keel.backup.transfer.Throttle;
import dev.keel.backup.transfer.TransferProgress;
import dev.keel.backup.verify.BackupVerification;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.ChangingData;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Block-level incremental backups through the Java API on PostgreSQL 17 with WAL summaries: a chain
 * full → incr → incr over inserts, updates, a TRUNCATE, a DROP TABLE, new tables and a VACUUM that
 * truncates, each link restored and compared row for row with the source at backup time.
 */
@WithPostgres(
        binaries = WithPostgres.Binaries.EMBEDDED,
        settings = {"summarize_wal=on"})
class IncrementalBackupIT {
    @TempDir
    static Path dir;

    static TestCluster cluster;
    static BackupRepository repository;
    static final List<BackupResult> backups = new ArrayList<>();
    static final List<Map<String, String>> fingerprints = new ArrayList<>();
    static final List<String> notes = new ArrayList<>();

    @BeforeAll
    static void chainOfThree(TestCluster testCluster) {
        cluster = testCluster;
        repository = BackupRepository.create(new FileObjectStore(dir.resolve("repo")), 3, null, Clock.systemUTC());
        ChangingData data = new ChangingData(cluster, "postgres");
        data.create();
        backups.add(backup(BackupType.FULL));
        fingerprints.add(data.fingerprint());
        data.firstChanges();
        backups.add(backup(BackupType.INCREMENTAL));
        fingerprints.add(data.fingerprint());
        data.secondChanges();
        backups.add(backup(BackupType.INCREMENTAL));
        fingerprints.add(data.fingerprint());
    }

    @AfterAll
    static void close() {
        repository.close();
    }

    @Test
    void incrementalsBuildOnTheNewestBackupByChangedBlocksAndStoreFarLess() {
        assertThat(notes).as("no fallback to checksums with summarize_wal = on").isEmpty();
        assertThat(backups.get(1).parent()).isEqualTo(backups.get(0).id());
        assertThat(backups.get(2).parent()).isEqualTo(backups.get(1).id());
        assertThat(backups.get(1).method()).isEqualTo("block");
        assertThat(backups.get(2).method()).isEqualTo("block");
        assertThat(backups.get(1).storedBytes() * 5)
                .as(() -> largest(backups.get(1).id()))
                .isLessThan(backups.get(0).storedBytes());
        assertThat(backups.get(2).storedBytes() * 5)
                .as(() -> largest(backups.get(2).id()))
                .isLessThan(backups.get(0).storedBytes());
        BackupManifest second = repository.readManifest(backups.get(2).id()).orElseThrow();
        assertThat(second.files()).as("some files are stored as changed blocks").anyMatch(f -> f.delta() != null);
        assertThat(second.type()).isEqualTo(BackupType.INCREMENTAL);
    }

    @Test
    void theNewestIncrementalRestoresRowForRow() {
        assertThat(restored(backups.get(2), "restored-2")).isEqualTo(fingerprints.get(2));
    }

    @Test
    void theMiddleOfTheChainRestoresRowForRow() {
        assertThat(restored(backups.get(1), "restored-1")).isEqualTo(fingerprints.get(1));
    }

    @Test
    void verifyReadsTheWholeChain() {
        var result = new BackupVerification(repository, 2, TransferProgress.NONE)
                .run(backups.get(2).id());
        assertThat(result.problems()).isEmpty();
    }

    /** The objects an incremental stored itself, largest first: what to look at when it stores too much. */
    private static String largest(String id) {
        return repository.readManifest(id).orElseThrow().files().stream()
                .filter(f -> f.object().contains(id))
                .sorted(Comparator.comparingLong(f -> -f.storedSize()))
                .limit(12)
                .map(f -> f.path() + " " + f.storedSize()
                        + (f.delta() == null
                                ? " whole"
                                : " delta of " + f.delta().blocks()))
                .toList()
                .toString();
    }

    private static BackupResult backup(BackupType type) {
        BaseBackup backup = new BaseBackup(
                repository, db -> cluster.connect(db == null ? "postgres" : db), "the test cluster", Clock.systemUTC());
        return backup.run(new BackupOptions(2, Throttle.NONE, TransferProgress.NONE), type, notes::add);
    }

    /** Recovered to the backup's end: no WAL between the backups is archived, so that is as far as recovery can go. */
    private static Map<String, String> restored(BackupResult backup, String name) {
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
            return ChangingData.fingerprint(DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + result.port() + "/postgres?user=postgres"));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        } finally {
            new PostgresCluster(PostgresBinaries.at(Path.of(result.binDir())), target).stop();
        }
    }
}
