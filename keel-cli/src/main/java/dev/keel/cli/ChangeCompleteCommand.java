package dev.keel.cli;

import dev.keel.change.ChangeResult;
import dev.keel.connect.Cancellation;
import dev.keel.error.ExitCode;
import dev.keel.migrate.ChangeVerbs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "complete",
        description = "Complete the active change: validate its constraints, make the new shape physical, drop the"
                + " previous version's schema.")
final class ChangeCompleteCommand implements Callable<Integer> {

    @ParentCommand
    ChangeCommand change;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(change.parent.global);
        StderrListener listener = new StderrListener(cli.err(), change.parent.global.verbose);
        Cancellation cancellation = new Cancellation();
        ChangeResult result;
        try (InterruptSignals signals = InterruptSignals.install(cancellation, cli.err())) {
            result = ChangeVerbs.complete(
                    cli.database(), cli.migrationSettings(), cli.changeSettings(), listener, cancellation);
        }
        if (cli.json()) {
            cli.printJson(result);
        } else {
            cli.out()
                    .printf(
                            "Completed V%s (%s) in %.1f s.%n",
                            result.version(), result.script(), result.millis() / 1000.0);
        }
        return ExitCode.OK.code();
    }
}
