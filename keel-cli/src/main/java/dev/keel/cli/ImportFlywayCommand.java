package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.migrate.ImportFlyway;
import dev.keel.migrate.ImportResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "import-flyway",
        description = "Adopt an existing flyway_schema_history so applied migrations are not run again.")
final class ImportFlywayCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Option(
            names = "--flyway-schema",
            paramLabel = "SCHEMA",
            description = "Schema of Flyway's table (default: the connection's current schema).")
    String schema;

    @Option(
            names = "--flyway-table",
            paramLabel = "TABLE",
            defaultValue = "flyway_schema_history",
            description = "Default: ${DEFAULT-VALUE}.")
    String table;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        ImportResult result =
                ImportFlyway.run(cli.database(), cli.migrationSettings(), schema, table, new StderrListener(cli.err()));
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out()
                    .println("Imported " + result.imported() + " rows from " + result.flywayTable()
                            + " into keel's history of " + result.database()
                            + (result.currentVersion() == null
                                    ? "."
                                    : ": now at version " + result.currentVersion() + "."));
            result.skipped().forEach(s -> cli.out().println("  skipped " + s));
        }
        return ExitCode.OK.code();
    }
}
