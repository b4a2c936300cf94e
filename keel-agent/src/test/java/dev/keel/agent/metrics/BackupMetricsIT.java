package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.backup.BackupList;
import dev.keel.backup.Backups;
import dev.keel.backup.drill.DrillResult;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * keel_ backup metrics from a real backup, WAL file and drill in a file:// repository, made through the Backups facade
 * as the agent's jobs make them, against the targets in keel.yaml.
 */
@WithPostgres
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class BackupMetricsIT {
    @TempDir
    static Path dir;

    static TestCluster cluster;
    static Path project;
    static Backups backups;

    @BeforeAll
    static void backUp(TestCluster testCluster) {
        cluster = testCluster;
        cluster.execute("postgres", "create table kept (id int primary key)");
        cluster.execute("postgres", "insert into kept select generate_series(1, 50)");
        String repository = "file://" + dir.resolve("repo");
        project = MetricsFixture.project(
                dir.resolve("project"), "backup:\n  repository: " + repository + "\n  rpo: 1h\n  rto: 30m\n");
        backups = Backups.configure()
                .projectDir(project)
                .env(Map.of())
                .url(cluster.jdbcUrl(), null, null)
                .load();
        backups.init();
        backups.backup();
    }

    MetricsFixture bind(Clock clock) {
        return MetricsFixture.bind(cluster.port(), "postgres", TestCluster.SUPERUSER, project, clock);
    }

    static double seconds(Instant t) {
        return t.toEpochMilli() / 1000.0;
    }

    @Test
    @Order(1)
    void aRealBackupIsScrapedWithItsEndTimeAndTheTargets() {
        BackupList.Entry backup = backups.list().backups().get(0);
        try (MetricsFixture fixture = bind(Clock.systemUTC())) {
            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("keel_backup_repository_up")).hasValue(1);
            assertThat(scrape.value("keel_backups{state=\"complete\"}")).hasValue(1);
            assertThat(scrape.value("keel_backup_last_success_timestamp_seconds{type=\"full\"}"))
                    .hasValue(seconds(backup.stopTime()));
            assertThat(scrape.value("keel_rpo_target_seconds")).hasValue(3600);
            assertThat(scrape.value("keel_rto_target_seconds")).hasValue(1800);
            assertThat(scrape.number("keel_rpo_exposure_seconds"))
                    .isNotNegative()
                    .isLessThan(3600);
            assertThat(scrape.value("pg_up")).hasValue(1);
        }
    }

    @Test
    @Order(2)
    void aWalFileStoredAfterTheBackupMovesTheLastArrivalAndTheExposure() {
        Instant before = Instant.now();
        cluster.execute("postgres", "insert into kept values (51)");
        String segment = cluster.queryString("postgres", "select pg_walfile_name(pg_switch_wal())");
        backups.walPush(cluster.cluster().dataDir().resolve("pg_wal").resolve(segment));
        try (MetricsFixture fixture = bind(Clock.systemUTC())) {
            ScrapeText scrape = fixture.scrape();

            // File times have whole-second precision on some file systems.
            assertThat(scrape.number("keel_wal_last_arrival_timestamp_seconds"))
                    .isGreaterThanOrEqualTo(seconds(before) - 1)
                    .isLessThanOrEqualTo(seconds(Instant.now()) + 1);
        }
    }

    @Test
    @Order(3)
    void theRepositoryIsReadAgainOnlyAfterTheIntervalOrWhenAJobSaysItChanged() {
        SteppedClock clock = new SteppedClock(Instant.now());
        try (MetricsFixture fixture = bind(clock)) {
            assertThat(fixture.scrape().value("keel_backups{state=\"complete\"}"))
                    .hasValue(1);

            backups.backup();

            assertThat(fixture.scrape().value("keel_backups{state=\"complete\"}"))
                    .hasValue(1);
            clock.advance(Duration.ofMinutes(2));
            // Past the interval the scrape serves what it has and reads the repository in the background.
            Eventually.await(
                    Duration.ofSeconds(30),
                    "the second backup to show in a scrape",
                    () -> fixture.scrape()
                                    .value("keel_backups{state=\"complete\"}")
                                    .orElse(0)
                            == 2);

            backups.backup();
            fixture.metrics.backupsChanged();
            Eventually.await(
                    Duration.ofSeconds(30),
                    "the third backup to show after backupsChanged()",
                    () -> fixture.scrape()
                                    .value("keel_backups{state=\"complete\"}")
                                    .orElse(0)
                            == 3);
        }
    }

    @Test
    @Order(4)
    void theLastDrillIsScrapedWithItsRtoAndRpo() {
        DrillResult drill = backups.drill();
        try (MetricsFixture fixture = bind(Clock.systemUTC())) {
            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("keel_drill_last_passed")).hasValue(drill.passed() ? 1 : 0);
            assertThat(scrape.value("keel_drill_last_rto_seconds")).hasValue(drill.rtoMillis() / 1000.0);
            assertThat(scrape.value("keel_drill_last_timestamp_seconds")).hasValue(seconds(drill.finished()));
            if (drill.rpoMillis() != null) {
                assertThat(scrape.value("keel_drill_last_rpo_seconds")).hasValue(drill.rpoMillis() / 1000.0);
            }
        }
    }

    @Test
    @Order(5)
    void anUnreadableRepositoryGivesRepositoryUpZeroAndTheDatabaseMetricsStill() {
        Path elsewhere = MetricsFixture.project(
                dir.resolve("elsewhere"), "backup:\n  repository: file://" + dir.resolve("no-such-repo") + "\n");
        try (MetricsFixture fixture =
                MetricsFixture.bind(cluster.port(), "postgres", TestCluster.SUPERUSER, elsewhere, Clock.systemUTC())) {
            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("keel_backup_repository_up")).hasValue(0);
            assertThat(scrape.value("keel_rpo_exposure_seconds")).hasValue(Double.POSITIVE_INFINITY);
            assertThat(scrape.value("pg_up")).hasValue(1);
        }
    }
}
