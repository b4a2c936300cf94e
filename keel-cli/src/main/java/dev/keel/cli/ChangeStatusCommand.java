package dev.keel.cli;

import dev.keel.change.ChangeState;
import dev.keel.change.ChangeStatus;
import dev.keel.error.ExitCode;
import dev.keel.migrate.ChangeVerbs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "status",
        description = "Show the active change: version, phase, the schemas served, backfill progress, what complete"
                + " will do.")
final class ChangeStatusCommand implements Callable<Integer> {

    @ParentCommand
    ChangeCommand change;

    @Override
    public Integer call() {
        CliContext cli = new CliContext(change.parent.global);
        ChangeStatus status = ChangeVerbs.status(cli.database(), cli.migrationSettings());
        if (cli.json()) {
            cli.printJson(status);
            return ExitCode.OK.code();
        }
        if (!status.active()) {
            cli.out().println("No change is active.");
            return ExitCode.OK.code();
        }
        cli.out()
                .println("V" + status.version() + " (" + status.script() + ") is "
                        + status.phase().replace('_', ' ') + ", started " + status.startedOn());
        cli.out()
                .println("  new version:      " + status.newSchema() + " (search_path / currentSchema="
                        + status.newSchema() + ")");
        cli.out()
                .println("  previous version: "
                        + (status.previousSchema() == null
                                ? status.schema() + " (the tables themselves)"
                                : status.previousSchema() + ", and " + status.schema() + " itself"));
        for (ChangeState.Progress p : status.backfill()) {
            String of = p.rowsTotal() > 0 ? " of ~" + p.rowsTotal() : "";
            cli.out()
                    .println("  backfill " + p.table() + ": " + p.rowsDone() + " rows" + of
                            + (p.done() ? ", done" : ""));
        }
        cli.out().println("  complete will:");
        status.completeWill().forEach(line -> cli.out().println("    - " + line));
        return ExitCode.OK.code();
    }
}
