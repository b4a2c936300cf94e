package dev.keel.cli;

import dev.keel.app.JsonOutput;
import dev.keel.app.Project;
import dev.keel.config.KeelConfig;
import dev.keel.connect.ConnectionSource;
import dev.keel.connect.DatabaseTarget;
import dev.keel.migrate.MigrationSettings;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.Map;

/** What a command needs from the global options: the project (from keel-app) and the output streams. */
final class CliContext {

    private final GlobalOptions options;
    private final Project project;

    CliContext(GlobalOptions options) {
        this.options = options;
        this.project = Project.open(options.directory, options.config, options.url, System.getenv(), note -> err().println("keel: " + note));
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

    KeelConfig config() {
        return project.config();
    }

    MigrationSettings migrationSettings() {
        return project.migrationSettings();
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
