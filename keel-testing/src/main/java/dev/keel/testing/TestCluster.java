package dev.keel.testing;

import dev.keel.io.FileTrees;
import dev.keel.postgres.PostgresCluster;
import dev.keel.postgres.Processes;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/** A running throwaway cluster: connections, fresh databases, and crash and restart controls. */
public final class TestCluster implements AutoCloseable {
    public static final String SUPERUSER = "postgres";
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final PostgresCluster cluster;
    private final Path root;

    TestCluster(PostgresCluster cluster, Path root) {
        this.cluster = cluster;
        this.root = root;
    }

    public PostgresCluster cluster() {
        return cluster;
    }

    public int port() {
        return cluster.port();
    }

    public int majorVersion() {
        return cluster.binaries().majorVersion();
    }

    /** JDBC URL of a database in this cluster, with the superuser in it. */
    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port() + "/" + database + "?user=" + SUPERUSER;
    }

    public String jdbcUrl() {
        return jdbcUrl("postgres");
    }

    public Connection connect() {
        return connect("postgres");
    }

    public Connection connect(String database) {
        try {
            return DriverManager.getConnection(jdbcUrl(database));
        } catch (SQLException e) {
            throw new IllegalStateException("cannot connect to the test cluster on port " + port(), e);
        }
    }

    /** A new empty database, so tests sharing this cluster do not see each other's objects. */
    public String createDatabase() {
        String name = "test_" + DATABASES.incrementAndGet() + "_"
                + ProcessHandle.current().pid();
        execute("postgres", "CREATE DATABASE " + name);
        return name;
    }

    public void execute(String database, String sql) {
        try (Connection c = connect(database);
                Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /** The first column of the first row, as text; null when there is no row. */
    public String queryString(String database, String sql) {
        try (Connection c = connect(database);
                Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(sql)) {
            return rs.next() ? rs.getString(1) : null;
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    /**
     * Puts these pg_hba.conf lines before initdb's trust lines and reloads, so connections they match
     * must authenticate as on a real server (e.g. {@code host replication backup 127.0.0.1/32 scram-sha-256}),
     * while the superuser's connections stay trusted. Restarts rather than reloads: a reload takes
     * effect a moment later, and a test connecting in that moment would meet the old rules.
     */
    public void requireAuthentication(String... hbaLines) {
        Path hba = cluster.dataDir().resolve("pg_hba.conf");
        try {
            String current = Files.readString(hba, StandardCharsets.UTF_8);
            Files.writeString(hba, String.join("\n", hbaLines) + "\n" + current, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        restart();
    }

    /**
     * A hot standby of this cluster, started and in recovery: a base backup taken with
     * {@code pg_basebackup -R}, so it follows this cluster by streaming replication, on a port of its own.
     * The caller closes it (before this cluster, or the standby waits for its primary on shutdown).
     */
    public TestCluster startStandby() {
        Path standbyRoot;
        try {
            standbyRoot = Files.createTempDirectory("keel-test-standby-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Path data = standbyRoot.resolve("data");
        Processes.run(
                List.of(
                        cluster.binaries().program("pg_basebackup").toString(),
                        "-D",
                        data.toString(),
                        "-R",
                        "-X",
                        "stream",
                        "-c",
                        "fast",
                        "--no-sync",
                        "-h",
                        "127.0.0.1",
                        "-p",
                        String.valueOf(port()),
                        "-U",
                        SUPERUSER),
                300,
                "pg_basebackup");
        PostgresCluster standby = new PostgresCluster(cluster.binaries(), data);
        Map<String, String> settings = cluster.settings();
        settings.put("port", String.valueOf(PostgresCluster.freePort()));
        standby.configure(settings);
        standby.start(Duration.ofSeconds(60));
        return new TestCluster(standby, standbyRoot);
    }

    /** SIGKILL to the postmaster, as in a power cut seen from the server's side. */
    public void kill9() {
        cluster.kill9();
    }

    public void stop() {
        cluster.stop();
    }

    /** Starts again; after kill9 the server runs crash recovery first. */
    public void start() {
        RuntimeException last = null;
        for (int attempt = 0; attempt < 5; attempt++) {
            try {
                cluster.start(Duration.ofSeconds(60));
                return;
            } catch (RuntimeException e) {
                // A killed postmaster's children may still hold shared memory for a moment.
                last = e;
                sleep(500);
            }
        }
        throw last;
    }

    public void restart() {
        stop();
        start();
    }

    /** Changes settings (e.g. wal_level) and restarts so they take effect. */
    public void reconfigure(Map<String, String> settings) {
        Map<String, String> merged = cluster.settings();
        merged.putAll(settings);
        cluster.configure(merged);
        restart();
    }

    @Override
    public void close() {
        try {
            if (cluster.isRunning()) {
                cluster.stopImmediately();
            }
        } finally {
            FileTrees.deleteQuietly(root);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
