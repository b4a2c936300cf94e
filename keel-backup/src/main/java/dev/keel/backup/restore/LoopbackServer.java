package dev.keel.backup.restore;

import dev.keel.error.KeelException;
import dev.keel.postgres.PostgresBinaries;
import dev.keel.postgres.PostgresCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A cluster keel starts on a data directory it made (a restore, a replica): on a free port of the loopback address
 * only, with keel's own hba file, so nothing but this host reaches it while keel watches it.
 */
public final class LoopbackServer {
    private final PostgresCluster cluster;
    private final int port;
    private final String user;

    private LoopbackServer(PostgresCluster cluster, int port, String user) {
        this.cluster = cluster;
        this.port = port;
        this.user = user;
    }

    /**
     * Starts the cluster in {@code dataDir} with {@code settings} on top of the loopback ones.
     *
     * @throws FailedStart when PostgreSQL did not start; the server is stopped and its last words are in the message
     */
    public static LoopbackServer start(
            PostgresBinaries binaries,
            Path dataDir,
            String user,
            Path hbaFile,
            Map<String, String> settings,
            Duration limit) {
        PostgresCluster cluster = new PostgresCluster(binaries, dataDir);
        int port = PostgresCluster.freePort();
        Map<String, String> overrides = new LinkedHashMap<>();
        overrides.put("port", String.valueOf(port));
        overrides.put("listen_addresses", "127.0.0.1");
        overrides.put("unix_socket_directories", "");
        overrides.put("hba_file", hbaFile.toString());
        // Certificates and log directories of the original may not exist here; keel reads the log to explain failures.
        overrides.put("ssl", "off");
        overrides.put("logging_collector", "off");
        overrides.putAll(settings);
        LoopbackServer server = new LoopbackServer(cluster, port, user);
        try {
            cluster.start(limit, overrides);
        } catch (KeelException e) {
            throw new FailedStart(server.stopAndExplain(), cluster.logFile(), e);
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

    public Path logFile() {
        return cluster.logFile();
    }

    public Path dataDir() {
        return cluster.dataDir();
    }

    /** A connection to its postgres database, or template1 where a restored cluster dropped postgres. */
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
        if (cluster.isRunning()) {
            cluster.stopImmediately();
        }
    }

    /** Stops it at once and returns the server's own words on why it failed, read before the stop adds its own. */
    public String stopAndExplain() {
        String words = lastWords();
        stopImmediately();
        return words;
    }

    /** The server's own words: its last FATAL or PANIC lines, else its last lines. */
    String lastWords() {
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

    /** PostgreSQL did not start; {@link #getMessage()} is its last words, the server already stopped. */
    public static final class FailedStart extends RuntimeException {
        private final transient Path logFile;

        FailedStart(String lastWords, Path logFile, Throwable cause) {
            super(lastWords, cause);
            this.logFile = logFile;
        }

        public Path logFile() {
            return logFile;
        }
    }
}
