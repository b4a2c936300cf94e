package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** keel up as a user runs it: bad input refused in one line, a clean stop on SIGTERM, failover after SIGKILL. */
@WithPostgres
class UpCommandIT {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final Map<String, String> FAST =
            Map.of("KEEL_SCHEDULE_SNAPSHOT", "10s", "KEEL_SCHEDULE_DOCTOR", "10s");

    private final TestCluster cluster;
    private String db;
    private TestProject project;

    UpCommandIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void prepare(@TempDir Path dir) {
        db = cluster.createDatabase();
        project = TestProject.in(dir);
    }

    @Test
    void aBadScheduleIsOneLineWithExit2() {
        project.config("schedule:\n  doctor: every minute\n");

        Cli.Run run = Cli.run("--url", cluster.jdbcUrl(db), "-C", project.dir().toString(), "up");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines())
                .singleElement()
                .asString()
                .contains("'schedule.doctor'")
                .contains("schedule.doctor: 1min");
    }

    @Test
    void aPublicAddressWithoutATokenIsRefusedWithExit2() {
        Cli.Run run = Cli.run(
                "--url",
                cluster.jdbcUrl(db),
                "-C",
                project.dir().toString(),
                "up",
                "--listen",
                "0.0.0.0:" + freePort());

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.errorLines()).singleElement().asString().contains("agent.token");
    }

    @Test
    void aPortInUseIsOneLineWithExit4() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            Cli.Run run = Cli.run(
                    "--url",
                    cluster.jdbcUrl(db),
                    "-C",
                    project.dir().toString(),
                    "up",
                    "--listen",
                    "127.0.0.1:" + taken.getLocalPort());

            assertThat(run.exitCode()).isEqualTo(4);
            assertThat(run.errorLines()).singleElement().asString().contains("cannot listen on 127.0.0.1:");
        }
    }

    @Test
    void sigtermStopsItCleanlyWithExit0() {
        int port = freePort();
        JavaProcess agent = start(port);
        try {
            Eventually.await(
                    Duration.ofSeconds(90),
                    "the agent to lead",
                    () -> health(port).contains("leader"),
                    agent::stderr);
            Eventually.await(
                    Duration.ofSeconds(60), "a doctor run", () -> runs("job = 'doctor' AND outcome = 'ok'") > 0);

            assertThat(agent.terminate(90)).as(agent.stderr()).isZero();
        } finally {
            agent.kill9();
        }
        assertThat(agent.stderr()).contains("keel up: SIGTERM: stopping").contains("stopped: every job ended");
        assertThat(agent.stderr()).doesNotContain("password");
        assertThat(runs("outcome = 'running'")).isZero();
    }

    @Test
    void afterTheLeaderIsKilledTheStandbyLeadsWithin15sAndNoJobRunsTwiceAtOnce() {
        int portA = freePort();
        int portB = freePort();
        JavaProcess a = start(portA);
        JavaProcess b = null;
        try {
            Eventually.await(
                    Duration.ofSeconds(90),
                    "the first agent to lead",
                    () -> health(portA).contains("leader"),
                    a::stderr);
            b = start(portB);
            JavaProcess standby = b;
            Eventually.await(
                    Duration.ofSeconds(90),
                    "the second agent to stand by",
                    () -> health(portB).contains("standby"),
                    standby::stderr);

            a.kill9();

            Eventually.await(
                    Duration.ofSeconds(15),
                    "the standby to lead",
                    () -> health(portB).contains("leader"),
                    standby::stderr);
            long before = runs("true");
            Eventually.await(
                    Duration.ofSeconds(60),
                    "the new leader to run jobs",
                    () -> runs("outcome = 'ok'") > 0 && runs("true") > before);
            assertThat(b.terminate(90)).as(b.stderr()).isZero();
        } finally {
            a.kill9();
            if (b != null) {
                b.kill9();
            }
        }
        assertThat(count(
                        "SELECT count(*) FROM keel.agent_runs x JOIN keel.agent_runs y ON x.job = y.job AND x.id < y.id"
                                + " AND tstzrange(x.started, coalesce(x.finished, 'infinity'))"
                                + " && tstzrange(y.started, coalesce(y.finished, 'infinity'))"))
                .as("runs of one job that overlap")
                .isZero();
    }

    private JavaProcess start(int port) {
        return Cli.start(
                project.dir(),
                FAST,
                "--url",
                cluster.jdbcUrl(db),
                "-C",
                project.dir().toString(),
                "up",
                "--listen",
                "127.0.0.1:" + port);
    }

    private static String health(int port) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/health"))
                                    .timeout(Duration.ofSeconds(5))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString())
                    .body();
        } catch (IOException e) {
            return "not listening: " + e.getMessage();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }

    private long runs(String where) {
        if (count("SELECT count(*) FROM pg_class WHERE oid = to_regclass('keel.agent_runs')") == 0) {
            return 0;
        }
        return count("SELECT count(*) FROM keel.agent_runs WHERE " + where);
    }

    private long count(String sql) {
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
