package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.migrate.NewMigration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "new",
        description = {
            "Write the next versioned migration file: SQL, or with --change a zero-downtime change file (YAML) with a"
                    + " commented skeleton of its operations."
        })
final class NewCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Parameters(
            arity = "1..*",
            paramLabel = "DESCRIPTION",
            description = "What the migration does, e.g. add orders status.")
    List<String> words;

    @Option(
            names = "--change",
            description = "Write V<next>__<description>.yaml, a change keel migrate runs as expand and contract.")
    boolean change;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        NewMigration.Result result = NewMigration.create(
                cli.migrationSettings(),
                String.join(" ", words),
                change ? NewMigration.Kind.CHANGE : NewMigration.Kind.SQL);
        String shown = cli.projectDir().relativize(result.file()).toString();
        if (cli.json()) {
            cli.printJson(Map.of("file", shown, "version", result.version()));
        } else {
            cli.out().println("Created " + shown);
        }
        return ExitCode.OK.code();
    }
}
