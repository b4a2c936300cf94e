package dev.keel.postgres;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;

/**
 * The project's own PostgreSQL 17, used when no database is configured. Its data lives in
 * {@code <project>/.keel/pgdata} and outlives the keel process, so the next run (or a second keel
 * running at the same time) finds it instead of starting another.
 */
public final class EmbeddedServer {
    public static final String USER = "postgres";
    public static final String DATABASE = "postgres";
    private static final Object JVM_LOCK = new Object();

    private final Path stateDir;
    private final PostgresCluster cluster;

    public EmbeddedServer(Path projectDir, PostgresBinaries binaries) {
        this.stateDir = projectDir.toAbsolutePath().normalize().resolve(".keel");
        this.cluster = new PostgresCluster(binaries, stateDir.resolve("pgdata"));
    }

    /** Uses the bundled PostgreSQL 17 binaries. */
    public static EmbeddedServer forProject(Path projectDir) {
        return new EmbeddedServer(projectDir, EmbeddedBinaries.unpacked());
    }

    /** Status without unpacking any binaries: reads only what {@code .keel/} records. */
    public static Status statusOf(Path projectDir) {
        Path stateDir = projectDir.toAbsolutePath().normalize().resolve(".keel");
        Properties state = readState(stateDir);
        if (state.isEmpty() || !Files.exists(stateDir.resolve("pgdata/PG_VERSION"))) {
            return new Status(false, false, 0, null, 0, stateDir);
        }
        PostgresCluster cluster = new PostgresCluster(
                new PostgresBinaries(Path.of(state.getProperty("bindir")), 0, state.getProperty("version")),
                stateDir.resolve("pgdata"));
        return new Status(
                true,
                cluster.isRunning(),
                cluster.port(),
                state.getProperty("version"),
                cluster.dataSizeBytes(),
                stateDir);
    }

    public record Status(
            boolean initialized, boolean running, int port, String version, long dataBytes, Path stateDir) {
        public String jdbcUrl() {
            return "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE + "?user=" + USER;
        }

        public String libpqUrl() {
            return "postgresql://" + USER + "@127.0.0.1:" + port + "/" + DATABASE;
        }
    }

    /** Starts the server unless it already runs; returns how it stands afterwards. */
    public Started ensureRunning() {
        synchronized (JVM_LOCK) {
            try {
                Files.createDirectories(stateDir);
                Path ignore = stateDir.resolve(".gitignore");
                if (!Files.exists(ignore)) {
                    Files.writeString(ignore, "# keel's local state: the embedded server's data and logs\n*\n");
                }
                try (FileChannel channel = FileChannel.open(
                                stateDir.resolve("server.lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                        FileLock lock = channel.lock()) {
                    return startLocked();
                }
            } catch (IOException e) {
                throw new KeelException(
                        CoreError.EMBEDDED_FAILED,
                        "cannot prepare the embedded PostgreSQL in " + stateDir + ": " + e.getMessage(),
                        "make the project directory writable",
                        e);
            }
        }
    }

    public record Started(int port, boolean startedNow, String version) {}

    private Started startLocked() {
        String version = cluster.binaries().version();
        if (!cluster.initialized()) {
            cluster.init(USER, settings(choosePort(0)), true);
        } else if (cluster.isRunning()) {
            return new Started(cluster.port(), false, version);
        } else {
            cluster.configure(settings(choosePort(cluster.port())));
        }
        writeState();
        cluster.start(Duration.ofSeconds(120));
        return new Started(cluster.port(), true, version);
    }

    /** Stops the server; false when it was not running. */
    public static boolean stop(Path projectDir) {
        Status status = statusOf(projectDir);
        if (!status.running()) {
            return false;
        }
        Properties state = readState(status.stateDir());
        new PostgresCluster(
                        new PostgresBinaries(Path.of(state.getProperty("bindir")), 0, state.getProperty("version")),
                        status.stateDir().resolve("pgdata"))
                .stop();
        return true;
    }

    private static int choosePort(int preferred) {
        if (preferred > 0 && PostgresCluster.portIsFree(preferred)) {
            return preferred;
        }
        return PostgresCluster.freePort();
    }

    private static Map<String, String> settings(int port) {
        Map<String, String> settings = PostgresCluster.baseSettings(port);
        settings.put("shared_preload_libraries", "pg_stat_statements");
        settings.put("max_wal_senders", "10");
        // PostgreSQL 17's WAL summaries let keel backup --type incr copy changed blocks instead of changed files.
        settings.put("summarize_wal", "on");
        return settings;
    }

    private void writeState() {
        Properties state = new Properties();
        state.setProperty("bindir", cluster.binaries().binDir().toString());
        state.setProperty("version", cluster.binaries().version());
        state.setProperty("port", String.valueOf(cluster.port()));
        try (OutputStream out = Files.newOutputStream(stateDir.resolve("server.properties"))) {
            state.store(out, "embedded PostgreSQL started by keel");
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.EMBEDDED_FAILED,
                    "cannot write " + stateDir.resolve("server.properties") + ": " + e.getMessage(),
                    "make the project directory writable",
                    e);
        }
    }

    private static Properties readState(Path stateDir) {
        Properties state = new Properties();
        Path file = stateDir.resolve("server.properties");
        if (Files.exists(file)) {
            try (InputStream in = Files.newInputStream(file)) {
                state.load(new InputStreamReader(in, StandardCharsets.ISO_8859_1));
            } catch (IOException e) {
                return new Properties();
            }
        }
        return state;
    }
}
