package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.catalog.BackupRepository;
import dev.keel.backup.codec.EncryptionKey;
import dev.keel.backup.doctor.BackupTargets;
import dev.keel.backup.repo.FileObjectStore;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TreeCopy;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The doctor's backup-targets check on a real repository: empty, with a real backup, with a real drill. Each test
 * works on its own copy of an empty or a backed-up repository, so none depends on what another did.
 */
@WithPostgres
class BackupTargetsIT {
    @TempDir
    static Path dir;

    static Path empty;
    static Path backedUp;
    static Cli.Run firstBackup;
    static Path repo;
    static TestCluster cluster;

    @BeforeAll
    static void emptyRepository(TestCluster testCluster) {
        cluster = testCluster;
        empty = dir.resolve("empty");
        backedUp = dir.resolve("backed-up");
        cluster.execute("postgres", "create table if not exists kept (id int primary key)");
        cluster.execute("postgres", "insert into kept select g from generate_series(1, 50) g on conflict do nothing");
        assertThat(keel("backup", "init", "--repo", "file://" + empty).exitCode())
                .isZero();
        assertThat(keel("backup", "init", "--repo", "file://" + backedUp).exitCode())
                .isZero();
        firstBackup = keel("backup", "--repo", "file://" + backedUp);
    }

    /** This test's own copy of a repository. */
    private static void use(Path template, String name) {
        repo = TreeCopy.of(template, dir.resolve(name));
    }

    static Cli.Run keel(String... args) {
        return BackupRuns.keel(cluster, dir, null, args);
    }

    /** The check {@code later} from now, without a server connection. */
    private static List<DoctorFinding> check(Duration rpo, Duration rto, Duration later) {
        return check(null, rpo, rto, later);
    }

    private static List<DoctorFinding> check(DoctorContext context, Duration rpo, Duration rto, Duration later) {
        Clock clock = Clock.fixed(Instant.now().plus(later), ZoneOffset.UTC);
        return new BackupTargets(
                        () -> BackupRepository.open(new FileObjectStore(repo), 3, (EncryptionKey) null),
                        rpo,
                        rto,
                        Duration.ofDays(7),
                        clock)
                .run(context);
    }

    @Test
    void aRepositoryWithoutACompleteBackupIsCritical() throws Exception {
        use(empty, "no-backup");
        assertThat(check(Duration.ofHours(1), null, Duration.ZERO))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL);
                    assertThat(f.summary()).contains("holds no complete backup");
                });
        // Through keel doctor too, once keel.yaml names the repository.
        Files.writeString(dir.resolve("keel.yaml"), "backup:\n  repository: file://" + repo + "\n  rpo: 1h\n");
        try {
            Cli.Run doctor = keel("doctor");
            assertThat(doctor.exitCode()).as(doctor.stdout() + doctor.stderr()).isEqualTo(1);
            assertThat(doctor.stdout()).contains("backup-targets").contains("holds no complete backup");
        } finally {
            Files.delete(dir.resolve("keel.yaml"));
        }
    }

    @Test
    void aFreshBackupWithoutADrillAsksForOneAndAnOldOneMissesTheRpo() {
        assertThat(firstBackup.exitCode()).as(firstBackup.stderr()).isZero();
        use(backedUp, "fresh-backup");

        assertThat(check(Duration.ofHours(1), null, Duration.ZERO))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
                    assertThat(f.summary()).contains("no restore drill is recorded");
                });
        // Three hours later, with no WAL archived since the backup, a restore would lose more than the hour allowed.
        assertThat(check(Duration.ofHours(1), null, Duration.ofHours(3))).anySatisfy(f -> {
            assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL);
            assertThat(f.summary()).contains("beyond backup.rpo 1h");
            assertThat(f.evidence()).containsEntry("walSegmentsAfterIt", 0L);
        });
    }

    @Test
    void aPassedDrillSatisfiesUntilItIsSlowerThanTheRtoOrTooOld() {
        use(backedUp, "drilled");
        Cli.Run drill = keel("drill", "--repo", "file://" + repo);
        assertThat(drill.exitCode()).as(drill.stdout() + drill.stderr()).isZero();

        assertThat(check(Duration.ofHours(1), Duration.ofHours(1), Duration.ZERO))
                .isEmpty();
        assertThat(check(null, Duration.ofMillis(1), Duration.ZERO))
                .singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
                    assertThat(f.summary()).contains("beyond backup.rto");
                });
        assertThat(check(null, null, Duration.ofDays(10)))
                .anySatisfy(f -> assertThat(f.summary()).contains("last restore drill ran 10d ago"));
    }

    @Test
    void aCaughtUpStreamMeetsTheRpoAndAStalledOneMissesIt() throws Exception {
        use(backedUp, "streamed");
        JavaProcess stream = Cli.start(
                dir,
                Map.of(),
                "--url",
                cluster.jdbcUrl(),
                "-C",
                dir.toString(),
                "wal",
                "stream",
                "--repo",
                "file://" + repo,
                "--spool",
                dir.resolve("spool").toString(),
                "--partial-interval",
                "1");
        try {
            cluster.execute("postgres", "insert into kept select g from generate_series(51, 5000) g");
            Receivers.await(cluster.jdbcUrl(), "keel_wal", Receivers.CAUGHT_UP, stream);
            try (Connection c = cluster.connect()) {
                DoctorContext context = new DoctorContext(c, 150000, "keel");
                assertThat(check(context, Duration.ofHours(1), null, Duration.ofHours(3)))
                        .noneSatisfy(f -> assertThat(f.summary()).contains("backup.rpo"));
            }
        } finally {
            stream.terminate(60);
        }
        // Nobody receives WAL any more while the server writes on.
        for (int i = 0; i < 3; i++) {
            cluster.execute(
                    "postgres",
                    "insert into kept select g from generate_series(5001 + " + i + " * 1000, 5000 + (" + i
                            + " + 1) * 1000) g");
            cluster.execute("postgres", "select pg_switch_wal()");
        }
        try (Connection c = cluster.connect()) {
            DoctorContext context = new DoctorContext(c, 150000, "keel");
            assertThat(check(context, Duration.ofHours(1), null, Duration.ofHours(3)))
                    .anySatisfy(f -> {
                        assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL);
                        assertThat(f.summary())
                                .contains("newest point a restore can reach is WAL", "beyond backup.rpo 1h");
                        assertThat(f.evidence().get("serverWalFile")).isNotNull();
                    });
        }
    }
}
