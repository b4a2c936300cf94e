package dev.keel.app;

import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.DatabaseTarget;
import dev.keel.connect.TargetParser;
import dev.keel.connect.TargetResolver;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrationSettings;
import dev.keel.postgres.EmbeddedServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * A keel project as every front end sees it: its directory (keel.yaml, db/, .keel/), its configuration, and its
 * database — the configured one, or the project's embedded PostgreSQL, started on first use. The command line, the
 * agent and the integrations all resolve the database here, so they agree on which one a setting means.
 */
public final class Project {
    private final Path dir;
    private final Path configFile;
    private final String url;
    private final Map<String, String> env;
    private final Consumer<String> notes;
    private KeelYaml config;

    private Project(Path dir, Path configFile, String url, Map<String, String> env, Consumer<String> notes) {
        this.dir = dir;
        this.configFile = configFile;
        this.url = url;
        this.env = Map.copyOf(env);
        this.notes = notes;
    }

    /**
     * @param dir the project directory; null for the working directory
     * @param configFile keel.yaml's replacement (--config); null for keel.yaml in {@code dir}
     * @param url a database URL that wins over every other setting (--url); null for none
     * @param notes receives one line for each thing the project does on its own, such as starting the embedded server
     */
    public static Project open(Path dir, Path configFile, String url, Map<String, String> env, Consumer<String> notes) {
        Path absolute = (dir == null ? Path.of("") : dir).toAbsolutePath().normalize();
        if (!Files.isDirectory(absolute)) {
            throw new KeelException(
                    CoreError.PROJECT_MISSING,
                    "project directory " + absolute + " does not exist",
                    "check the -C argument");
        }
        return new Project(absolute, configFile, url, env, notes);
    }

    public Path dir() {
        return dir;
    }

    public Map<String, String> env() {
        return env;
    }

    /** keel.yaml with its KEEL_* overrides, read once, on first use. */
    public KeelYaml config() {
        if (config == null) {
            config = ConfigLoader.load(dir, configFile, env);
        }
        return config;
    }

    public MigrationSettings migrationSettings() {
        return MigrationSettings.from(config());
    }

    /** Connections to the project's database (see {@link #databaseTarget()}). */
    public ConnectionSource database() {
        return ConnectionSource.of(databaseTarget());
    }

    /**
     * As {@link #database()}, resolved on the first connection: a front end can hand it to a facade before the facade
     * has checked its arguments, so bad input never starts the embedded server.
     */
    public ConnectionSource connections() {
        return new ConnectionSource() {
            private ConnectionSource resolved;

            @Override
            public Connection open() {
                return resolved().open();
            }

            @Override
            public String describe() {
                return resolved().describe();
            }

            private synchronized ConnectionSource resolved() {
                if (resolved == null) {
                    resolved = database();
                }
                return resolved;
            }
        };
    }

    /** The configured database (--url, KEEL_URL, keel.yaml, PG* variables), or the embedded one, started if needed. */
    public DatabaseTarget databaseTarget() {
        Optional<DatabaseTarget> target = TargetResolver.resolve(url, config(), env);
        return target.orElseGet(this::embeddedTarget);
    }

    /** The project's embedded PostgreSQL, started if needed. */
    public DatabaseTarget embeddedTarget() {
        if (!Files.exists(dir.resolve(".keel/pgdata"))) {
            notes.accept(
                    "no database configured: creating the project's embedded PostgreSQL in .keel/ (first run only)");
        }
        EmbeddedServer.Started started = EmbeddedServer.forProject(dir).ensureRunning();
        if (started.startedNow()) {
            notes.accept("started the embedded PostgreSQL " + started.version() + " on 127.0.0.1:" + started.port()
                    + " (data in .keel/; stop it with keel db stop)");
        }
        return TargetParser.parse(
                "jdbc:postgresql://127.0.0.1:" + started.port() + "/" + EmbeddedServer.DATABASE,
                EmbeddedServer.USER,
                null,
                "embedded");
    }
}
