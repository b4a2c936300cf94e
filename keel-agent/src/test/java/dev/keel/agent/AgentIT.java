package dev.keel.agent;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.http.ListenAddress;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The whole agent on a real database: it leads, runs the snapshot and the doctor, and says so on /health and /metrics. */
@WithPostgres
class AgentIT {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    static KeelYaml config(Path dir, Map<String, String> env) {
        return ConfigLoader.load(dir, null, env);
    }

    static Agent agent(Path dir, AgentDatabase db, List<String> log) {
        return Agent.configure()
                .config(config(dir, Map.of("KEEL_SCHEDULE_SNAPSHOT", "10s", "KEEL_SCHEDULE_DOCTOR", "10s")))
                .connections(db.source())
                .listen(new ListenAddress("127.0.0.1", 0))
                .log(log::add)
                .load();
    }

    static String get(Agent agent, String path) {
        try {
            HttpResponse<String> response = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://" + agent.address() + path))
                            .timeout(Duration.ofSeconds(10))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            return response.body();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void itLeadsRunsTheJobsAndReportsThem(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        List<String> log = new CopyOnWriteArrayList<>();
        Agent agent = agent(dir, db, log);
        agent.start();
        try {
            Eventually.await(
                    WAIT,
                    "a snapshot and a doctor run in agent_runs",
                    () -> db.runs("outcome = 'ok' AND job = 'doctor'") > 0
                            && db.runs("outcome = 'ok' AND job = 'snapshot'") > 0,
                    log::toString);

            assertThat(get(agent, "/health")).contains("\"role\" : \"leader\"", "\"database\" : \"up\"", "doctor");
            String metrics = get(agent, "/metrics");
            assertThat(metrics)
                    .contains("keel_agent_leader 1.0")
                    .contains("keel_job_duration_seconds_count{job=\"doctor\",outcome=\"ok\"}")
                    .contains("keel_job_last_success_timestamp_seconds{job=\"snapshot\"}")
                    .contains("keel_job_failures_total{job=\"doctor\"} 0.0");
            assertThat(log)
                    .anySatisfy(line ->
                            assertThat(line).startsWith("job doctor ok in").contains("findings="));
        } finally {
            assertThat(agent.stop(Duration.ofSeconds(30))).isTrue();
        }
        assertThat(db.count("SELECT count(*) FROM keel.agent_runs WHERE outcome = 'running'"))
                .isZero();
        assertThat(String.join("\n", log)).doesNotContain("password");
    }

    @Test
    void twoAgentsNeverRunAJobTwiceAndTheStandbyTakesOverWithin15s(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        List<String> logA = new CopyOnWriteArrayList<>();
        List<String> logB = new CopyOnWriteArrayList<>();
        Agent a = agent(dir, db, logA);
        Agent b = agent(dir, db, logB);
        a.start();
        try {
            Eventually.await(
                    WAIT, "the first agent to lead", () -> a.status().role().equals("leader"));
            b.start();
            try {
                Eventually.await(WAIT, "a doctor run", () -> db.runs("job = 'doctor' AND outcome = 'ok'") >= 1);
                assertThat(b.status().role()).isEqualTo("standby");

                db.terminateLeaderSession();

                Eventually.await(
                        Duration.ofSeconds(15),
                        "the standby to lead",
                        () -> b.status().role().equals("leader"),
                        logB::toString);
                long runs = db.count("SELECT count(*) FROM keel.agent_runs");
                Eventually.await(
                        WAIT,
                        "the new leader to run jobs",
                        () -> db.count("SELECT count(*) FROM keel.agent_runs") > runs + 1);
                assertThat(db.overlappingRuns()).isZero();
            } finally {
                b.stop(Duration.ofSeconds(30));
            }
        } finally {
            a.stop(Duration.ofSeconds(30));
        }
        assertThat(db.overlappingRuns()).isZero();
    }
}
