package dev.keel.backup.restore;

import dev.keel.backup.BackupError;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import dev.keel.sql.SqlResources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** The restored cluster while it recovers: started on a free loopback port, watched until it promotes. */
public final class RecoveredServer {
    private final LoopbackServer server;

    private RecoveredServer(LoopbackServer server) {
        this.server = server;
    }

    public static RecoveredServer start(PostgresBinaries binaries, Path dataDir, String user) {
        Map<String, String> settings = new LinkedHashMap<>();
        // A restored copy must never archive into the repository of the cluster it was restored from.
        settings.put("archive_mode", "off");
        settings.put("hot_standby", "on");
        // Every restored file is already durable (BackupFetch fsyncs each one before pg_control), so the
        // start-up flush of the data directory needs one syncfs, not PostgreSQL's fsync of each file in turn:
        // on ext4 each of those flushes the disk's cache, 4.4 s for the 1300 files of a pgbench database.
        // Only this start uses it; later crash recoveries of the cluster keep their configured method. PostgreSQL
        // offers syncfs on Linux only, and refuses to start with it elsewhere.
        if (System.getProperty("os.name", "").startsWith("Linux")) {
            settings.put("recovery_init_sync_method", "syncfs");
        }
        try {
            return new RecoveredServer(LoopbackServer.start(
                    binaries, dataDir, user, dataDir.resolve(RecoveryConfig.HBA_FILE), settings, Duration.ofDays(1)));
        } catch (LoopbackServer.FailedStart e) {
            throw new KeelException(
                    BackupError.RECOVERY_FAILED,
                    "PostgreSQL " + binaries.version() + " did not start on the restored data: " + e.getMessage(),
                    "see " + e.logFile() + " for the whole story");
        }
    }

    public int port() {
        return server.port();
    }

    public String url() {
        return server.url();
    }

    public PostgresCluster cluster() {
        return server.cluster();
    }

    /** Waits until recovery has reached its target and the server promoted, reporting progress now and then. */
    public RecoveredPosition awaitPromotion(Consumer<String> status) {
        long lastReport = System.nanoTime();
        while (true) {
            if (!server.cluster().isRunning()) {
                throw failure("recovery stopped before the cluster was promoted");
            }
            try (Connection c = server.connect();
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
        return server.connect();
    }

    public void stop() {
        server.stop();
    }

    public void stopImmediately() {
        server.stopImmediately();
    }

    private KeelException failure(String what) {
        return new KeelException(
                BackupError.RECOVERY_FAILED,
                what + ": " + server.stopAndExplain(),
                "see " + server.logFile() + " for the whole story");
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
