package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.migrate.Baseline;
import dev.keel.migrate.BaselineResult;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "baseline",
        description = "Mark an existing database as being at a version; migrations up to it will not run there.")
final class BaselineCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Option(
            names = "--version",
            required = true,
            paramLabel = "VERSION",
            description = "The version the database already has.")
    String version;

    @Option(
            names = "--description",
            defaultValue = "baseline",
            description = "Recorded with the baseline (default: ${DEFAULT-VALUE}).")
    String description;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        BaselineResult result = Baseline.run(
                cli.database(),
                cli.migrationSettings(),
                MigrateCommand.parseVersion(version),
                description,
                new StderrListener(cli.err()));
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out()
                    .println("Baselined " + result.database() + " at version " + result.version()
                            + ": migrations up to it will not run there.");
        }
        return ExitCode.OK.code();
    }
}
