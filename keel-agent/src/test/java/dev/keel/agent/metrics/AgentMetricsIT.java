package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.postgres.PostgresCluster;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A scrape of a real cluster through the registry the agent serves, read as Prometheus would read it. */
@WithPostgres
class AgentMetricsIT {
    @TempDir
    static Path dir;

    static TestCluster cluster;
    static String database;
    static Path project;

    @BeforeAll
    static void setUp(TestCluster testCluster) throws Exception {
        cluster = testCluster;
        database = cluster.createDatabase();
        cluster.execute(database, "create table orders (id bigint primary key)");
        cluster.execute(database, "insert into orders select generate_series(1, 100)");
        project = MetricsFixture.project(dir.resolve("project"), "");
        Files.createDirectories(project.resolve("db/migrations"));
        Files.writeString(project.resolve("db/migrations/V1__add_notes.sql"), "create table notes (id bigint);\n");
    }

    MetricsFixture bind() {
        return MetricsFixture.bind(
                cluster.port(), database, TestCluster.SUPERUSER, project, MetricsFixture.stillClock());
    }

    String server() {
        return "127.0.0.1:" + cluster.port();
    }

    @Test
    void theDatabaseIsReportedUnderPostgresExportersNamesAndLabels() {
        String datid = cluster.queryString(database, "select oid from pg_database where datname = current_database()");
        try (MetricsFixture fixture = bind()) {
            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("pg_up")).hasValue(1);
            String commits = "pg_stat_database_xact_commit{datid=\"" + datid + "\",datname=\"" + database
                    + "\",server=\"" + server() + "\"}";
            assertThat(scrape.number(commits)).isPositive();
            assertThat(scrape.type("pg_stat_database_xact_commit")).isEqualTo("untyped");
            assertThat(scrape.type("pg_stat_database_numbackends")).isEqualTo("gauge");
            assertThat(scrape.named("pg_stat_database_blks_hit")).isNotEmpty();
            assertThat(scrape.named("pg_stat_database_stats_reset")).isNotEmpty();
            assertThat(scrape.number("pg_stat_activity_count{datname=\"" + database + "\",server=\"" + server()
                            + "\",state=\"active\"}"))
                    .isGreaterThanOrEqualTo(1);
            assertThat(scrape.value("pg_stat_activity_max_tx_duration{datname=\"" + database + "\",server=\"" + server()
                            + "\",state=\"idle in transaction\"}"))
                    .hasValue(0);
            assertThat(scrape.number(
                            "pg_database_size_bytes{datname=\"" + database + "\",server=\"" + server() + "\"}"))
                    .isPositive();
            assertThat(scrape.value("pg_replication_is_replica")).hasValue(0);
            assertThat(scrape.value("pg_replication_lag_seconds")).hasValue(0);
            assertThat(scrape.value("keel_change_active")).hasValue(0);
            assertThat(scrape.value("keel_migrations_pending")).hasValue(1);
            assertThat(scrape.value("keel_wal_stream_connected{application_name=\"keel_wal\"}"))
                    .hasValue(0);
            assertThat(scrape.named("keel_scrape_query_success"))
                    .isNotEmpty()
                    .allSatisfy(series -> assertThat(scrape.value(series)).hasValue(1));
        }
    }

    @Test
    void noLabelCarriesAUserPasswordOrConnectionString() {
        try (MetricsFixture fixture = bind()) {
            String text = fixture.scrape().text();

            assertThat(text).doesNotContain("jdbc:", "user=", "password", "postgresql://");
        }
    }

    @Test
    void aReplicationSlotIsReportedUnderBothGenerationsOfExporterNames() {
        cluster.execute(database, "select pg_create_physical_replication_slot('metrics_slot', true)");
        try (MetricsFixture fixture = bind()) {
            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("pg_replication_slots_active{database=\"\",server=\"" + server()
                            + "\",slot_name=\"metrics_slot\"}"))
                    .hasValue(0);
            assertThat(scrape.number("pg_replication_slots_pg_wal_lsn_diff{database=\"\",server=\"" + server()
                            + "\",slot_name=\"metrics_slot\"}"))
                    .isGreaterThanOrEqualTo(0);
            assertThat(scrape.value(
                            "pg_replication_slots_slot_is_active{slot_name=\"metrics_slot\",slot_type=\"physical\"}"))
                    .hasValue(0);
            assertThat(
                            scrape.number(
                                    "pg_replication_slots_slot_current_wal_lsn{slot_name=\"metrics_slot\",slot_type=\"physical\"}"))
                    .isPositive();
            assertThat(scrape.value("pg_replication_slots_wal_status{slot_name=\"metrics_slot\",slot_type=\"physical\","
                            + "wal_status=\"reserved\"}"))
                    .hasValue(1);
        } finally {
            cluster.execute(database, "select pg_drop_replication_slot('metrics_slot')");
        }
    }

    @Test
    void aClosedPortGivesPgUpZeroAndNoDatabaseMetricsWithoutThrowing() {
        try (MetricsFixture fixture = MetricsFixture.bind(
                PostgresCluster.freePort(), database, TestCluster.SUPERUSER, project, MetricsFixture.stillClock())) {
            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("pg_up")).hasValue(0);
            assertThat(scrape.named("pg_stat_database_xact_commit")).isEmpty();
            assertThat(scrape.named("keel_migrations_pending")).isEmpty();
            // The next scrape tries again rather than giving up on the database.
            assertThat(fixture.scrape().value("pg_up")).hasValue(0);
        }
    }

    @Test
    void theLastDoctorReportIsScrapedByCheckAndSeverity() {
        try (MetricsFixture fixture = bind()) {
            fixture.metrics.recordDoctor(DoctorReport.of(
                    List.of(new DoctorFinding(
                            "long-transactions",
                            DoctorSeverity.CRITICAL,
                            "a transaction has run for 2 h",
                            Map.of("pid", 42),
                            80,
                            "vacuum cannot clean up behind it",
                            DoctorFinding.runbookOf("long-transactions"))),
                    List.of("long-transactions", "dead-tuples")));

            ScrapeText scrape = fixture.scrape();

            assertThat(scrape.value("keel_doctor_findings{check=\"long-transactions\",severity=\"critical\"}"))
                    .hasValue(1);
            assertThat(scrape.value("keel_doctor_findings{check=\"dead-tuples\",severity=\"critical\"}"))
                    .hasValue(0);
            assertThat(scrape.value("pg_up")).hasValue(1);
        }
    }
}
