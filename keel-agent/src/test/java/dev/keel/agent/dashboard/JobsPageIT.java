package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.alert.Delivery;
import dev.keel.agent.alert.DeliveryRecords;
import dev.keel.agent.http.AgentStatus;
import dev.keel.agent.jobs.JobName;
import dev.keel.agent.jobs.Outcome;
import dev.keel.agent.jobs.RunHistory;
import dev.keel.agent.jobs.RunRecord;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The replication and jobs page on a real slot and runs recorded in agent_runs. */
@WithPostgres
class JobsPageIT {
    private final TestCluster cluster;

    JobsPageIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void showsSlotsAndEachJobsNewestRunsWithOutcomeFiguresAndEscapedErrors() throws Exception {
        String db = cluster.createDatabase();
        String slot = "dashboard_" + ProcessHandle.current().pid();
        cluster.execute(db, "SELECT pg_create_physical_replication_slot('" + slot + "', true)");
        try {
            RunHistory history = new RunHistory("keel");
            Instant started = Instant.parse("2026-12-03T09:00:00Z");
            try (Connection c = cluster.connect(db)) {
                history.ensureExists(c);
                for (int i = 0; i < 7; i++) {
                    Instant at = started.plusSeconds(60L * i);
                    long id = history.start(c, JobName.DOCTOR, at, "agent-a");
                    history.finish(
                            c,
                            id,
                            new RunRecord("doctor", at, at.plusSeconds(2), Outcome.OK, Map.of("findings", i), null));
                }
                long failed = history.start(c, JobName.FULL_BACKUP, started, "agent-a");
                history.finish(
                        c,
                        failed,
                        new RunRecord(
                                "fullBackup",
                                started,
                                started.plusSeconds(5),
                                Outcome.FAILED,
                                Map.of(),
                                "<script>x</script>"));
            }

            String page = Fetch.page(jobs(db), "/jobs").body();

            assertThat(page)
                    .contains("This agent is the <strong>leader</strong>; the database is up")
                    .contains("No standby or WAL receiver is connected.")
                    .contains("<td>" + slot + "</td><td>physical</td>", "badge warning\">inactive")
                    .contains("<td>fullBackup</td>", "badge failed", "&lt;script&gt;x&lt;/script&gt;")
                    .doesNotContain("<script");
            assertThat(page.split("<td>doctor</td>", -1))
                    .as("the newest runs of each job only")
                    .hasSize(1 + JobsPage.RUNS_PER_JOB);
            assertThat(page).contains("findings=6", "findings=2").doesNotContain("findings=1<", "findings=0<");
        } finally {
            cluster.execute(db, "SELECT pg_drop_replication_slot('" + slot + "')");
        }
    }

    @Test
    void showsAStreamingStandbyWithItsLag() throws Exception {
        String db = cluster.createDatabase();
        try (TestCluster standby = cluster.startStandby()) {
            Eventually.await(
                    Duration.ofSeconds(60),
                    "the standby to stream",
                    () -> "1"
                            .equals(cluster.queryString(
                                    db, "SELECT count(*) FROM pg_stat_replication WHERE state = 'streaming'")));
            String application = cluster.queryString(db, "SELECT application_name FROM pg_stat_replication");

            String page = Fetch.page(jobs(db), "/jobs").body();

            String replication = page.substring(
                    page.indexOf("<table class=\"replication\">"), page.indexOf("<h2>Replication slots</h2>"));
            assertThat(replication)
                    .contains("<td>" + Html.escape(application) + "</td><td>127.0.0.1", "<td>streaming</td>");
        }
    }

    @Test
    void beforeAnyAgentLedThereIsNoRunAndNothingIsCreated() throws Exception {
        String db = cluster.createDatabase();

        assertThat(Fetch.page(jobs(db), "/jobs").body()).contains("No job has run yet");
        assertThat(cluster.queryString(db, "SELECT to_regclass('keel.agent_runs') IS NULL"))
                .isEqualTo("t");
    }

    private JobsPage jobs(String db) {
        return new JobsPage(
                TestConnections.of(cluster, db),
                "keel",
                () -> new AgentStatus("leader", "up", List.of(), List.of()),
                Clock.systemUTC());
    }

    @Test
    void alertDeliveriesAreListedNewestFirstWithFailuresAndNoUrl() throws Exception {
        String db = cluster.createDatabase();
        Instant at = Instant.parse("2026-12-03T09:00:00Z");
        List<Delivery> attempts = List.of(
                new Delivery(
                        at.plusSeconds(60),
                        "ops",
                        "https://hooks.example",
                        "opened",
                        "invalid-indexes:index=x",
                        2,
                        Delivery.Outcome.DELIVERED,
                        "200"),
                new Delivery(
                        at,
                        "ops",
                        "https://hooks.example",
                        "opened",
                        "invalid-indexes:index=x",
                        1,
                        Delivery.Outcome.FAILED,
                        "HTTP 500 <b>"));
        DeliveryRecords records = new DeliveryRecords("keel");
        try (Connection c = cluster.connect(db)) {
            records.ensureExists(c);
            records.add(c, attempts.get(1));
            records.add(c, attempts.get(0));
        }

        String body = Fetch.page(standby(db), "/jobs").body();

        assertThat(body).contains("Alert deliveries", "ops (https://hooks.example)", "invalid-indexes:index=x");
        assertThat(body.indexOf(">delivered<")).isLessThan(body.indexOf(">failed<"));
        assertThat(body).contains("HTTP 500 &lt;b&gt;").doesNotContain("HTTP 500 <b>");
    }

    @Test
    void onAStandbyTheLeadersRunsAreListedAndThePageSaysWhose() throws Exception {
        String db = cluster.createDatabase();
        RunHistory history = new RunHistory("keel");
        Instant at = Instant.parse("2026-12-03T09:00:00Z");
        try (Connection c = cluster.connect(db)) {
            history.ensureExists(c);
            long id = history.start(c, JobName.SNAPSHOT, at, "leader-agent");
            history.finish(c, id, new RunRecord("snapshot", at, at.plusSeconds(1), Outcome.OK, Map.of(), null));
        }

        String page = Fetch.page(standby(db), "/jobs").body();

        assertThat(page)
                .contains("This agent is the <strong>standby</strong>", "the runs below are the leading agent's")
                .contains("<td>snapshot</td>")
                .contains("No alert was sent yet");
    }

    private JobsPage standby(String db) {
        return new JobsPage(
                ReadOnlyConnections.of(TestConnections.of(cluster, db)),
                "keel",
                () -> new AgentStatus("standby", "up", List.of(), List.of()),
                Clock.systemUTC());
    }
}
