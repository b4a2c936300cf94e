package dev.keel.backup.replica;

import dev.keel.backup.BackupError;
import dev.keel.backup.restore.LoopbackServer;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.sql.SqlResources;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;
import java.util.function.Consumer;

/** A standby keel started (--start): on a free loopback port, watched until it streams from the primary. */
final class StandbyServer {
    private final LoopbackServer server;

    private StandbyServer(LoopbackServer server) {
        this.server = server;
    }

    /** @param user a role of the primary's, which the standby has too; keel's loopback connections are trusted */
    static StandbyServer start(PostgresBinaries binaries, Path dataDir, String user) {
        try {
            return new StandbyServer(LoopbackServer.start(
                    binaries,
                    dataDir,
                    user,
                    dataDir.resolve(StandbyConfig.HBA_FILE),
                    Map.of(),
                    Duration.ofMinutes(10)));
        } catch (LoopbackServer.FailedStart e) {
            throw new KeelException(
                    BackupError.REPLICA_START_FAILED,
                    "PostgreSQL " + binaries.version() + " did not start the standby: " + e.getMessage(),
                    "see " + e.logFile() + " for the whole story; nothing was left in " + dataDir);
        }
    }

    int port() {
        return server.port();
    }

    String url() {
        return server.url();
    }

    /** Waits until the standby is in recovery and its WAL receiver streams; the replay position it reached then. */
    String awaitStreaming(Duration limit, Consumer<String> status) {
        long deadline = System.nanoTime() + limit.toNanos();
        long lastReport = System.nanoTime();
        String seen = "not accepting connections yet";
        while (System.nanoTime() - deadline < 0) {
            if (!server.cluster().isRunning()) {
                throw failure("the standby stopped before it streamed from the primary");
            }
            try (Connection c = server.connect();
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
        return server.connect();
    }

    void stopImmediately() {
        server.stopImmediately();
    }

    private KeelException failure(String what) {
        return new KeelException(
                BackupError.REPLICA_START_FAILED,
                what + ": " + server.stopAndExplain(),
                "see " + server.logFile() + " for the whole story; nothing was left in " + server.dataDir());
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
