package dev.keel.cli;

import dev.keel.app.JsonOutput;
import dev.keel.app.Project;
import dev.keel.backup.Backups;
import dev.keel.backup.BackupsConfiguration;
import dev.keel.change.ChangeSettings;
import dev.keel.config.Durations;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.DatabaseTarget;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.insight.Insight;
import dev.keel.migrate.MigrationSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;

/** What a command needs from the global options: the project (from keel-app) and the output streams. */
final class CliContext {

    private final GlobalOptions options;
    private final Project project;
    private final ConnectionSource connections;

    CliContext(GlobalOptions options) {
        this.options = options;
        this.project = Project.open(
                options.directory,
                options.config,
                options.url,
                System.getenv(),
                note -> err().println("keel: " + note));
        this.connections = project.connections();
    }

    /**
     * A facade refuses an impossible setting with IllegalArgumentException; given on the command line, that is bad
     * usage (exit 2), not a Keel bug.
     */
    static <T> T configured(Supplier<T> load) {
        try {
            return load.get();
        } catch (IllegalArgumentException e) {
            throw new KeelException(
                    CoreError.COMMAND_LINE, e.getMessage(), "check the command's options (keel COMMAND --help)");
        }
    }

    /** A duration option (30s, 15min, 1h, 7d); a malformed one is bad usage that names the option. */
    static Duration duration(String option, String text) {
        return Durations.option(text, option);
    }

    /**
     * The backup facade on this project, saying on stderr what it does, its restore_command starting this very keel;
     * a command adds its options, and the database when it needs one.
     */
    BackupsConfiguration backups() {
        return Backups.configure()
                .config(config())
                .env(env())
                .listener(new StderrBackupListener(err()))
                .launcher(KeelLauncher.command());
    }

    /** The insight facade on this project; the database is resolved (the embedded one started) at the first connection. */
    Insight insight() {
        return Insight.configure()
                .config(config())
                .env(env())
                .connections(connections)
                .load();
    }

    /** The project's database as {@link #insight()} uses it, resolved on first use. */
    ConnectionSource connections() {
        return connections;
    }

    Project project() {
        return project;
    }

    Path projectDir() {
        return project.dir();
    }

    boolean json() {
        return options.json;
    }

    KeelYaml config() {
        return project.config();
    }

    MigrationSettings migrationSettings() {
        return project.migrationSettings();
    }

    ChangeSettings changeSettings() {
        return configured(() -> ChangeSettings.from(config()));
    }

    /** The configured database, or the embedded one, started if needed. */
    ConnectionSource database() {
        return project.database();
    }

    /** The configured database, or the embedded one, started if needed. */
    DatabaseTarget databaseTarget() {
        return project.databaseTarget();
    }

    Map<String, String> env() {
        return project.env();
    }

    /** The project's embedded PostgreSQL, started if needed. */
    DatabaseTarget embeddedTarget() {
        return project.embeddedTarget();
    }

    PrintStream out() {
        return System.out;
    }

    PrintStream err() {
        return System.err;
    }

    void printJson(Object value) {
        out().println(JsonOutput.write(value));
    }
}
