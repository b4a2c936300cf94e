package dev.keel.backup.restore;

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
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/** The restored cluster while it recovers: started on a free loopback port, watched until it promotes. */
public final class RecoveredServer {
    private final PostgresCluster cluster;
    private final int port;
    private final String user;

    private RecoveredServer(PostgresCluster cluster, int port, String user) {
        this.cluster = cluster;
        this.port = port;
        this.user = user;
    }

    public static RecoveredServer start(PostgresBinaries binaries, Path dataDir, String user) {
        PostgresCluster cluster = new PostgresCluster(binaries, dataDir);
        int port = PostgresCluster.freePort();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("port", String.valueOf(port));
        overrides.put("listen_addresses", "127.0.0.1");
        overrides.put("unix_socket_directories", "");
        overrides.put("hba_file", dataDir.resolve(RecoveryConfig.HBA_FILE).toString());
        // A restored copy must never archive into the repository of the cluster it was restored from.
        overrides.put("archive_mode", "off");
        overrides.put("hot_standby", "on");
        // Certificates and log directories of the original may not exist here; keel reads the log to explain failures.
        overrides.put("ssl", "off");
        overrides.put("logging_collector", "off");
        // Every restored file is already durable (BackupFetch fsyncs each one before pg_control), so the
        // start-up flush of the data directory needs one syncfs, not PostgreSQL's fsync of each file in turn:
        // on ext4 each of those flushes the disk's cache, 4.4 s for the 1300 files of a pgbench database.
        // Only this start uses it; later crash recoveries of the cluster keep their configured method. PostgreSQL
        // offers syncfs on Linux only, and refuses to start with it elsewhere.
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            overrides.put("recovery_init_sync_method", "syncfs");
        }
        RecoveredServer server = new RecoveredServer(cluster, port, user);
        try {
            cluster.start(Duration.ofDays(1), overrides);
        } catch (KeelException e) {
            throw server.failure("PostgreSQL " + binaries.version() + " did not start on the restored data");
        }
        return server;
    }

    public int port() {
        return port;
    }

    public String url() {
        return "postgresql://" + user + "@127.0.0.1:" + port + "/postgres";
    }

    public PostgresCluster cluster() {
        return cluster;
    }

    /** Waits until recovery has reached its target and the server promoted, reporting progress now and then. */
    public RecoveredPosition awaitPromotion(Consumer<String> status) {
        long lastReport = System.nanoTime();
        while (true) {
            if (!cluster.isRunning()) {
                throw failure("recovery stopped before the cluster was promoted");
            }
            try (Connection c = connect();
                    Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(SqlResources.load(RecoveredServer.class, "recovery-state.sql"))) {
                rs.next();
                if (!rs.getBoolean("in_recovery")) {
                    return position(c);
                }
                if (System.nanoTime() - lastReport > 10_000_000_000L) {
                    status.accept("replaying WAL, at " + rs.getString("replay_lsn"));
                    lastReport = System.nanoTime();
                }
            } catch (SQLException e) {
                // the server may be between starting and accepting connections; the liveness check above decides
            }
            // Promotion usually follows start-up within a second: poll often, each poll is one short query.
            sleep(50);
        }
    }

    private RecoveredPosition position(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(RecoveredServer.class, "recovered.sql"))) {
            rs.next();
            String walFile = rs.getString("wal_file");
            return new RecoveredPosition(
                    rs.getString("replay_lsn"),
                    rs.getObject("replay_time", OffsetDateTime.class),
                    Integer.parseUnsignedInt(walFile.substring(0, 8), 16),
                    rs.getString("server_version"),
                    null);
        }
    }

    public Connection connect() throws SQLException {
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

    public void stop() {
        cluster.stop();
    }

    public void stopImmediately() {
        cluster.stopImmediately();
    }

    private KeelException failure(String what) {
        if (cluster.isRunning()) {
            cluster.stopImmediately();
        }
        return new KeelException(
                BackupError.RECOVERY_FAILED,
                what + ": " + logTail(),
                "see " + cluster.logFile() + " for the whole story");
    }

    /** The server's own words: its last FATAL or PANIC lines, else its last lines. */
    String logTail() {
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
                    "the restore was interrupted while PostgreSQL recovered",
                    "stop it with pg_ctl, then restore again");
        }
    }
}
