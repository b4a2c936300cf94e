package dev.keel.backup.drill;

import java.util.List;

/**
 * What amcheck found.
 *
 * @param skipped why amcheck did not run (the extension is not installed with the server); null when it ran
 * @param failures one line per corrupt index
 */
public record IndexCheckResult(int checked, List<String> failures, String skipped) {
    public IndexCheckResult {
        failures = List.copyOf(failures);
    }
}
