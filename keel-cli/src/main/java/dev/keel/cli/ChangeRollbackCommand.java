package dev.keel.cli;

import dev.keel.migrate.ChangeVerbs;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ParentCommand;

@Command(
        name = "rollback",
        description = "Roll the active change back: remove everything its start added; the old shape and every row"
                + " stay.")
final class ChangeRollbackCommand implements Callable<Integer> {

    private static final ActiveChangeRunner RUNNER = new ActiveChangeRunner(
            ChangeVerbs::rollback, "Rolled back V%s (%s) in %.1f s: the schema is as before the change.%n");

    @ParentCommand
    ChangeCommand change;

    @Override
    public Integer call() {
        return RUNNER.run(change.parent.global);
    }
}
