package dev.keel.postgres;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.io.FileTrees;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.TimeUnit;

/**
 * One PostgreSQL data directory and the postmaster that serves it, driven through initdb and
 * pg_ctl. Keel's settings live in {@code keel.conf} beside postgresql.conf so they can be rewritten
 * without touching the user's own.
 */
public final class PostgresCluster {
    public static final String SETTINGS_FILE = "keel.conf";

    private final PostgresBinaries binaries;
    private final Path dataDir;
    private final Path logFile;

    public PostgresCluster(PostgresBinaries binaries, Path dataDir) {
        this.binaries = binaries;
        this.dataDir = dataDir.toAbsolutePath();
        this.logFile = this.dataDir.resolveSibling(this.dataDir.getFileName() + ".log");
    }

    public PostgresBinaries binaries() {
        return binaries;
    }

    public Path dataDir() {
        return dataDir;
    }

    public Path logFile() {
        return logFile;
    }

    public boolean initialized() {
        return Files.exists(dataDir.resolve("PG_VERSION"));
    }

    /** Creates the cluster; {@code durable=false} skips fsync at initdb for throwaway clusters. */
    public void init(String superuser, Map<String, String> settings, boolean durable) {
        List<String> command = new ArrayList<>(List.of(
                binaries.program("initdb").toString(),
                "-D",
                dataDir.toString(),
                "-U",
                superuser,
                "-A",
                "trust",
                "-E",
                "UTF8",
                "--locale=C"));
        if (!durable) {
            command.add("--no-sync");
        }
        try {
            Files.createDirectories(dataDir.getParent());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Processes.run(command, 300, "initdb");
        try {
            Files.writeString(
                    dataDir.resolve("postgresql.conf"),
                    "\ninclude_if_exists = '" + SETTINGS_FILE + "'\n",
                    StandardCharsets.UTF_8,
                    StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        configure(settings);
    }

    /** Replaces keel's settings; they take effect at the next start. */
    public void configure(Map<String, String> settings) {
        StringBuilder conf = new StringBuilder("# written by keel; rewritten on every start\n");
        settings.forEach((k, v) ->
                conf.append(k).append(" = '").append(v.replace("'", "''")).append("'\n"));
        try {
            Files.writeString(dataDir.resolve(SETTINGS_FILE), conf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(dataDir.resolve(SETTINGS_FILE))) {
                int eq = line.indexOf(" = '");
                if (!line.startsWith("#") && eq > 0) {
                    settings.put(
                            line.substring(0, eq),
                            line.substring(eq + 4, line.length() - 1).replace("''", "'"));
                }
            }
        } catch (IOException e) {
            return settings;
        }
        return settings;
    }

    public int port() {
        String port = settings().get("port");
        return port == null ? 5432 : Integer.parseInt(port);
    }

    public void start(Duration timeout) {
        Processes.run(
                List.of(
                        binaries.program("pg_ctl").toString(),
                        "start",
                        "-w",
                        "-t",
                        String.valueOf(timeout.toSeconds()),
                        "-D",
                        dataDir.toString(),
                        "-l",
                        logFile.toString()),
                timeout.toSeconds() + 30,
                "starting PostgreSQL in " + dataDir);
    }

    /**
     * Starts with settings given on the server's command line, which win over every configuration
     * file. Restore uses it to run a recovered cluster on its own port without editing the
     * configuration it restored. Values must not hold quotes: pg_ctl hands them to a shell.
     */
    public void start(Duration timeout, Map<String, String> overrides) {
        StringBuilder options = new StringBuilder();
        overrides.forEach((name, value) -> {
            if (!name.matches("[a-z_.]+") || value.contains("'")) {
                throw new IllegalArgumentException("unsafe server setting " + name);
            }
            options.append(options.length() == 0 ? "" : " ")
                    .append("-c ")
                    .append(name)
                    .append("='")
                    .append(value)
                    .append("'");
        });
        Processes.run(
                List.of(
                        binaries.program("pg_ctl").toString(),
                        "start",
                        "-w",
                        "-t",
                        String.valueOf(timeout.toSeconds()),
                        "-D",
                        dataDir.toString(),
                        "-l",
                        logFile.toString(),
                        "-o",
                        options.toString()),
                timeout.toSeconds() + 30,
                "starting PostgreSQL in " + dataDir);
    }

    /** Fast shutdown: rolls back open transactions and disconnects clients, then checkpoints. */
    public void stop() {
        if (!isRunning()) {
            return;
        }
        Processes.run(
                List.of(
                        binaries.program("pg_ctl").toString(),
                        "stop",
                        "-w",
                        "-m",
                        "fast",
                        "-t",
                        "120",
                        "-D",
                        dataDir.toString()),
                150,
                "stopping PostgreSQL in " + dataDir);
    }

    /** Immediate shutdown: no checkpoint, crash recovery at the next start. For throwaway clusters. */
    public void stopImmediately() {
        if (isRunning()) {
            Processes.run(
                    List.of(
                            binaries.program("pg_ctl").toString(),
                            "stop",
                            "-w",
                            "-m",
                            "immediate",
                            "-t",
                            "60",
                            "-D",
                            dataDir.toString()),
                    90,
                    "stopping PostgreSQL in " + dataDir);
        }
    }

    /** SIGKILL to the postmaster, as a crashed machine would; waits until its children are gone too. */
    public void kill9() {
        OptionalLong pid = postmasterPid();
        if (pid.isEmpty()) {
            return;
        }
        ProcessHandle.of(pid.getAsLong()).ifPresent(postmaster -> {
            List<ProcessHandle> children = postmaster.descendants().toList();
            postmaster.destroyForcibly();
            awaitExit(postmaster);
            // Backends notice the dead postmaster on their own; until they exit, shared memory stays attached.
            children.forEach(PostgresCluster::awaitExit);
        });
    }

    private static void awaitExit(ProcessHandle process) {
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }

    public OptionalLong postmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty()
                    ? OptionalLong.empty()
                    : OptionalLong.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    public boolean isRunning() {
        OptionalLong pid = postmasterPid();
        return pid.isPresent()
                && ProcessHandle.of(pid.getAsLong()).map(ProcessHandle::isAlive).orElse(false);
    }

    public long dataSizeBytes() {
        return FileTrees.size(dataDir);
    }

    /** The settings every keel-started cluster gets: loopback TCP only, no Unix socket to own. */
    public static Map<String, String> baseSettings(int port) {
        Map<String, String> settings = new LinkedHashMap<>();
        settings.put("port", String.valueOf(port));
        settings.put("listen_addresses", "127.0.0.1");
        settings.put("unix_socket_directories", "");
        settings.put("wal_level", "replica");
        settings.put("max_connections", "100");
        return settings;
    }

    public static boolean portIsFree(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    public static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new KeelException(
                    CoreError.PORT_UNAVAILABLE,
                    "no free TCP port on 127.0.0.1: " + e.getMessage(),
                    "free a port and retry",
                    e);
        }
    }
}
