package dev.keel.cli;

import dev.keel.migrate.ChangeVerbs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "complete",
        description = "Complete the active change: validate its constraints, make the new shape physical, drop the"
                + " previous version's schema.")
final class ChangeCompleteCommand implements Callable<Integer> {

    private static final ActiveChangeRunner RUNNER =
            new ActiveChangeRunner(ChangeVerbs::complete, "Completed V%s (%s) in %.1f s.%n");

    @ParentCommand
    ChangeCommand change;

    @Override
    public Integer call() {
        return RUNNER.run(change.parent.global);
    }
}
