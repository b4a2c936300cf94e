package dev.keel.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import dev.keel.config.ConfigLoader;
import dev.keel.config.KeelConfig;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.DatabaseTarget;
import dev.keel.connect.TargetParser;
import dev.keel.connect.TargetResolver;
import dev.keel.error.KeelException;
import dev.keel.migrate.MigrationSettings;
import dev.keel.postgres.EmbeddedServer;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** What a command needs from the global options: the project, its configuration, the database, the output. */
final class CliContext {

    private final GlobalOptions options;
    private final Map<String, String> env;
    private final Path projectDir;
    private KeelConfig config;

    CliContext(GlobalOptions options) {
        this.options = options;
        this.env = System.getenv();
        Path dir = options.directory == null ? Path.of("") : options.directory;
        this.projectDir = dir.toAbsolutePath().normalize();
        if (!Files.isDirectory(projectDir)) {
            throw KeelException.usage("project directory " + projectDir + " does not exist", "check the -C argument");
        }
    }

    Path projectDir() {
        return projectDir;
    }

    boolean json() {
        return options.json;
    }

    KeelConfig config() {
        if (config == null) {
            config = ConfigLoader.load(projectDir, options.config, env);
        }
        return config;
    }

    MigrationSettings migrationSettings() {
        return MigrationSettings.from(config());
    }

    /** The configured database, or the embedded one, started if needed. */
    ConnectionSource database() {
        return ConnectionSource.of(databaseTarget());
    }

    /** The configured database, or the embedded one, started if needed. */
    DatabaseTarget databaseTarget() {
        Optional<DatabaseTarget> target = TargetResolver.resolve(options.url, config(), env);
        return target.orElseGet(this::embeddedTarget);
    }

    Map<String, String> env() {
        return env;
    }

    /** The project's embedded PostgreSQL, started if needed. */
    DatabaseTarget embeddedTarget() {
        if (!java.nio.file.Files.exists(projectDir.resolve(".keel/pgdata"))) {
            err().println("keel: no database configured: creating the project's embedded PostgreSQL in .keel/ (first run only)");
        }
        EmbeddedServer.Started started = EmbeddedServer.forProject(projectDir).ensureRunning();
        if (started.startedNow()) {
            err().println("keel: started the embedded PostgreSQL " + started.version() + " on 127.0.0.1:" + started.port()
                    + " (data in " + projectDir.relativize(projectDir.resolve(".keel")) + "/; stop it with keel db stop)");
        }
        return TargetParser.parse("jdbc:postgresql://127.0.0.1:" + started.port() + "/" + EmbeddedServer.DATABASE,
                EmbeddedServer.USER, null, "embedded");
    }

    PrintStream out() {
        return System.out;
    }

    PrintStream err() {
        return System.err;
    }

    void printJson(Object value) {
        try {
            // Built on demand: most runs print text, and Jackson's start-up is noticeable in a CLI.
            ObjectMapper json = new ObjectMapper().registerModule(new JavaTimeModule())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).enable(SerializationFeature.INDENT_OUTPUT);
            out().println(json.writeValueAsString(value));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
