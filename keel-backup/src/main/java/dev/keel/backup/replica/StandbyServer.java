package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.sql.SqlResources;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** A standby keel started (--start): on a free loopback port, watched until it streams from the primary. */
final class StandbyServer {
    private final PostgresCluster cluster;
    private final int port;
    private final String user;

    private StandbyServer(PostgresCluster cluster, int port, String user) {
        this.cluster = cluster;
        this.port = port;
        this.user = user;
    }

    /** @param user a role of the primary's, which the standby has too; keel's loopback connections are trusted */
    static StandbyServer start(PostgresBinaries binaries, Path dataDir, String user) {
        PostgresCluster cluster = new PostgresCluster(binaries, dataDir);
        int port = PostgresCluster.freePort();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("port", String.valueOf(port));
        overrides.put("listen_addresses", "127.0.0.1");
        overrides.put("unix_socket_directories", "");
        overrides.put("hba_file", dataDir.resolve(StandbyConfig.HBA_FILE).toString());
        // Certificates and log directories of the primary may not exist here; keel reads the log to explain failures.
        overrides.put("ssl", "off");
        overrides.put("logging_collector", "off");
        StandbyServer server = new StandbyServer(cluster, port, user);
        try {
            cluster.start(Duration.ofMinutes(10), overrides);
        } catch (KeelException e) {
            throw server.failure("PostgreSQL " + binaries.version() + " did not start the standby");
        }
        return server;
    }

    int port() {
        return port;
    }

    String url() {
        return "postgresql://" + user + "@127.0.0.1:" + port + "/postgres";
    }

    /** Waits until the standby is in recovery and its WAL receiver streams; the replay position it reached then. */
    String awaitStreaming(Duration limit, Consumer<String> status) {
        long deadline = System.nanoTime() + limit.toNanos();
        long lastReport = System.nanoTime();
        String seen = "not accepting connections yet";
        while (System.nanoTime() - deadline < 0) {
            if (!cluster.isRunning()) {
                throw failure("the standby stopped before it streamed from the primary");
            }
            try (Connection c = connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(SqlResources.load(StandbyServer.class, "standby-state.sql"))) {
                rs.next();
                if (!rs.getBoolean("in_recovery")) {
                    throw failure("the standby left recovery instead of following the primary");
                }
                String receiver = rs.getString("receiver");
                if ("streaming".equals(receiver)) {
                    return rs.getString("replay_lsn");
                }
                seen = "replayed up to " + rs.getString("replay_lsn") + ", WAL receiver "
                        + (receiver == null ? "not running" : receiver);
            } catch (SQLException e) {
                // still starting, or catching up from the repository before it accepts connections
            }
            if (System.nanoTime() - lastReport > 10_000_000_000L) {
                status.accept("waiting for the standby to stream: " + seen);
                lastReport = System.nanoTime();
            }
            sleep(100);
        }
        throw failure("the standby did not stream from the primary within " + limit.toSeconds() + " s (" + seen + ")");
    }

    Connection connect() throws SQLException {
        try {
            return DriverManager.getConnection(
                    "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=" + user + "&connectTimeout=5");
        } catch (SQLException e) {
            if ("3D000".equals(e.getSQLState())) {
                return DriverManager.getConnection(
                        "jdbc:postgresql://127.0.0.1:" + port + "/template1?user=" + user + "&connectTimeout=5");
            }
            throw e;
        }
    }

    void stopImmediately() {
        if (cluster.isRunning()) {
            cluster.stopImmediately();
        }
    }

    private KeelException failure(String what) {
        String tail = logTail();
        stopImmediately();
        return new KeelException(
                BackupError.REPLICA_START_FAILED,
                what + ": " + tail,
                "see " + cluster.logFile() + " for the whole story; nothing was left in " + cluster.dataDir());
    }

    /** The server's own words: its last FATAL or PANIC lines, else its last lines. */
    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(cluster.logFile());
            List<String> fatal = lines.stream()
                    .filter(l -> l.contains("FATAL:") || l.contains("PANIC:"))
                    .toList();
            List<String> pick = fatal.isEmpty() ? lines : fatal;
            return String.join(" / ", pick.subList(Math.max(0, pick.size() - 2), pick.size()))
                    .strip();
        } catch (IOException e) {
            return "no server log at " + cluster.logFile();
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KeelException(
                    CoreError.INTERRUPTED,
                    "keel replica create was interrupted while the standby started",
                    "stop it with pg_ctl and remove its directory, then create it again");
        }
    }
}
