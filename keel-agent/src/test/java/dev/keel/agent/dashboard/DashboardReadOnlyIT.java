package dev.keel.agent.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.Agent;
import dev.keel.agent.alert.Delivery;
import dev.keel.agent.alert.DeliveryRecords;
import dev.keel.agent.http.ListenAddress;
import dev.keel.backup.Backups;
import dev.keel.config.ConfigLoader;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "The dashboard changes nothing": every page and /health, requested of a standby and then of the leader, leave every
 * table's inserted, updated and deleted row counts, keel's tables and the backup repository as they were, while showing
 * the leader's doctor report, runs and alert deliveries.
 */
@WithPostgres
class DashboardReadOnlyIT {
    private static final Duration WAIT = Duration.ofSeconds(90);
    private static final List<String> PATHS = List.of(
            "/",
            "/statements",
            "/statements?window=24h&by=calls",
            "/statements?window=7d&by=mean",
            "/backups",
            "/schema",
            "/jobs",
            "/health");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

    private final TestCluster cluster;

    @TempDir
    Path dir;

    DashboardReadOnlyIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void everyPageOnAStandbyThenOnTheLeaderShowsTheLeadersStateAndWritesNothing() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE orders (id bigint PRIMARY KEY)");
        Path repo = dir.resolve("repo");
        TestProject.in(dir).config("backup:\n  repository: file://" + repo + "\n");
        // One backup, taken here: the agents' repository jobs are off, so the repository changes only if a page writes.
        Backups backups = Backups.configure()
                .config(ConfigLoader.load(dir, null, Map.of()))
                .env(Map.of())
                .url(cluster.jdbcUrl(db), null, null)
                .load();
        backups.init();
        String backup = backups.backup().id();
        List<String> log = new CopyOnWriteArrayList<>();

        // A leader runs the snapshot and the doctor, keeping its report, then stops.
        Agent first = agent(db, "10s", log);
        first.start();
        try {
            Eventually.await(
                    WAIT,
                    "a doctor report and a snapshot kept by the leader",
                    () -> count(db, "to_regclass('keel.agent_doctor') IS NOT NULL") > 0
                            && count(db, "(SELECT count(*) FROM keel.agent_doctor) > 0") > 0
                            && count(
                                            db,
                                            "(SELECT count(*) FROM keel.agent_runs WHERE job = 'snapshot'"
                                                    + " AND outcome = 'ok') > 0")
                                    > 0,
                    log::toString);
        } finally {
            first.stop(Duration.ofSeconds(30));
        }
        try (Connection c = cluster.connect(db)) {
            DeliveryRecords deliveries = new DeliveryRecords("keel");
            deliveries.ensureExists(c);
            deliveries.add(
                    c,
                    new Delivery(
                            Instant.now(),
                            "ops",
                            "https://hooks.example",
                            "opened",
                            "invalid-indexes:index=x",
                            1,
                            Delivery.Outcome.DELIVERED,
                            "HTTP 200"));
        }

        // This session holds the leader's lock, so the next agent stands by and runs nothing.
        Agent second = agent(db, "off", log);
        try (Connection leader = cluster.connect(db)) {
            try (Statement s = leader.createStatement()) {
                s.execute("SELECT pg_advisory_lock(hashtext('keel up leader keel'))");
            }
            second.start();
            Eventually.await(
                    WAIT,
                    "the second agent to stand by on a reachable database",
                    () -> second.status().role().equals("standby")
                            && second.status().database().equals("up"),
                    log::toString);

            Map<String, String> pages = fetchWritingNothing(db, second);

            assertThat(pages.get("/")).contains("recorded by agent ").doesNotContain("No doctor report yet");
            assertThat(pages.get("/backups")).contains(backup);
            assertThat(pages.get("/jobs"))
                    .contains("This agent is the <strong>standby</strong>", "the runs below are the leading agent's")
                    .contains("<td>doctor</td>", "<td>snapshot</td>")
                    .contains("ops (https://hooks.example)", "invalid-indexes:index=x");
            assertThat(pages.get("/health"))
                    .contains("\"role\" : \"standby\"")
                    .contains("\"job\" : \"doctor\"", "\"job\" : \"snapshot\"");
        }

        // The lock's session ended: the second agent leads (with every job off) and its pages write nothing either.
        try {
            Eventually.await(
                    WAIT,
                    "the second agent to lead and read the history",
                    () -> second.status().role().equals("leader")
                            && !second.status().lastRuns().isEmpty(),
                    log::toString);

            Map<String, String> pages = fetchWritingNothing(db, second);

            assertThat(pages.get("/")).contains("recorded by agent ");
            assertThat(pages.get("/jobs")).contains("This agent is the <strong>leader</strong>", "<td>doctor</td>");
            assertThat(pages.get("/health")).contains("\"role\" : \"leader\"", "\"job\" : \"doctor\"");
        } finally {
            second.stop(Duration.ofSeconds(30));
        }
    }

    private Agent agent(String db, String schedule, List<String> log) {
        ConnectionSource connections =
                ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null, "test"));
        Map<String, String> env = Map.of(
                "KEEL_SCHEDULE_SNAPSHOT", schedule,
                "KEEL_SCHEDULE_DOCTOR", schedule,
                "KEEL_SCHEDULE_WALSTREAM", "off",
                "KEEL_SCHEDULE_FULLBACKUP", "off",
                "KEEL_SCHEDULE_INCREMENTALBACKUP", "off",
                "KEEL_SCHEDULE_PRUNE", "off",
                "KEEL_SCHEDULE_DRILL", "off");
        return Agent.configure()
                .config(ConfigLoader.load(dir, null, env))
                .connections(connections)
                .listen(new ListenAddress("127.0.0.1", 0))
                .log(log::add)
                .load();
    }

    /** Fetches every path, each answered in full, and checks that no table was written meanwhile. */
    private Map<String, String> fetchWritingNothing(String db, Agent agent) throws Exception {
        long sessions = sessions(db);
        Map<String, String> before = writes(db);
        Map<String, String> repository = files(dir.resolve("repo"));
        Map<String, String> pages = new TreeMap<>();
        for (String path : PATHS) {
            HttpResponse<String> response;
            try {
                response = HTTP.send(
                        HttpRequest.newBuilder(URI.create("http://" + agent.address() + path))
                                .timeout(Duration.ofSeconds(60))
                                .build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (IOException e) {
                throw new AssertionError("GET " + path + " got no response: " + e, e);
            }
            assertThat(response.statusCode()).as(path).isEqualTo(200);
            assertThat(response.body()).as(path).doesNotContain("class=\"error\"");
            pages.putIfAbsent(path, response.body());
        }
        // A session's counts reach pg_stat_user_tables as it ends: wait for the pages' sessions to end.
        Eventually.await(WAIT, "the pages' sessions to end", () -> sessions(db) <= sessions);
        assertThat(writes(db))
                .as("rows inserted, updated and deleted per table, and keel's tables")
                .isEqualTo(before);
        return pages;
    }

    /** Per table: n_tup_ins/upd/del, and for keel's tables their row count too. */
    private Map<String, String> writes(String db) throws Exception {
        Map<String, String> writes = new TreeMap<>();
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement()) {
            s.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = s.executeQuery("SELECT schemaname || '.' || relname, n_tup_ins || '/' || n_tup_upd"
                    + " || '/' || n_tup_del FROM pg_stat_user_tables")) {
                while (rs.next()) {
                    writes.put(rs.getString(1), rs.getString(2));
                }
            }
            for (String table : List.copyOf(writes.keySet())) {
                if (table.startsWith("keel.")) {
                    try (ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
                        rs.next();
                        writes.put(table, writes.get(table) + " rows " + rs.getLong(1));
                    }
                }
            }
        }
        return writes;
    }

    /** Each file under {@code root} with its size and modification time. */
    private static Map<String, String> files(Path root) throws IOException {
        Map<String, String> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(root)) {
            for (Path p : walk.toList()) {
                files.put(
                        root.relativize(p).toString(),
                        Files.isDirectory(p) ? "dir" : Files.size(p) + " " + Files.getLastModifiedTime(p));
            }
        }
        return files;
    }

    private long sessions(String db) {
        return count(
                db,
                "(SELECT count(*) FROM pg_stat_activity WHERE datname = current_database()"
                        + " AND backend_type = 'client backend' AND pid <> pg_backend_pid())");
    }

    private long count(String db, String expression) {
        return Long.parseLong(cluster.queryString(db, "SELECT (" + expression + ")::int"));
    }
}
