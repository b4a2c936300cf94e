package dev.keel.cli;

import dev.keel.error.ExitCode;
import dev.keel.migrate.Validate;
import dev.keel.migrate.ValidateResult;
import dev.keel.migrate.ValidationProblem;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "validate",
        description = "Check that the migration files and the history agree; exit 1 on any problem.")
final class ValidateCommand implements Callable<Integer> {

    @ParentCommand
    KeelCommand parent;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(parent.global);
        ValidateResult result = Validate.run(cli.database(), cli.migrationSettings());
        if (cli.json()) {
            cli.printJson(result);
        } else if (result.valid()) {
            cli.out()
                    .println("Valid: " + result.database() + " agrees with the migration files (" + result.pending()
                            + " pending).");
        } else {
            for (ValidationProblem p : result.problems()) {
                cli.out()
                        .println("keel: error: " + p.message() + " — " + p.fix() + " ["
                                + p.kind().code().id() + "]");
            }
            cli.out()
                    .println(result.problems().size() + " problem"
                            + (result.problems().size() == 1 ? "" : "s") + " found.");
        }
        return result.valid() ? ExitCode.OK.code() : ExitCode.FAILED.code();
    }
}
