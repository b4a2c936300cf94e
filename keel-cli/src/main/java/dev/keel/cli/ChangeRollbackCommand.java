package dev.keel.cli;

import dev.keel.change.ChangeResult;
import dev.keel.connect.Cancellation;
import dev.keel.error.ExitCode;
import dev.keel.migrate.ChangeVerbs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "rollback",
        description = "Roll the active change back: remove everything its start added; the old shape and every row"
                + " stay.")
final class ChangeRollbackCommand implements Callable<Integer> {

    @ParentCommand
    ChangeCommand change;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(change.parent.global);
        StderrListener listener = new StderrListener(cli.err(), change.parent.global.verbose);
        Cancellation cancellation = new Cancellation();
        ChangeResult result;
        try (InterruptSignals signals = InterruptSignals.install(cancellation, cli.err())) {
            result = ChangeVerbs.rollback(
                    cli.database(), cli.migrationSettings(), cli.changeSettings(), listener, cancellation);
        }
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out()
                    .printf(
                            "Rolled back V%s (%s) in %.1f s: the schema is as before the change.%n",
                            result.version(), result.script(), result.millis() / 1000.0);
        }
        return ExitCode.OK.code();
    }
}
