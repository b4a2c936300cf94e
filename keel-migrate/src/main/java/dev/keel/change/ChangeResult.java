package dev.keel.change;

import java.util.List;

/** What start, complete or rollback did (or in a dry run would do): the change, its phase after, the actions. */
public record ChangeResult(
        String version, String script, String phase, List<String> actions, boolean dryRun, long millis) {

    public ChangeResult {
        actions = List.copyOf(actions);
    }
}
