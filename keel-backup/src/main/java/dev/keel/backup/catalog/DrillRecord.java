package dev.keel.backup.catalog;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * The outcome of one restore drill, kept in the repository next to the backups it proves.
 *
 * @param results named measurements (restore seconds, tables compared, ...)
 * @param failures what did not match; empty when the drill passed
 */
public record DrillRecord(
        String id,
        String backupId,
        Instant started,
        Instant finished,
        boolean passed,
        Map<String, String> results,
        List<String> failures) {
    public DrillRecord {
        results = results == null ? Map.of() : Map.copyOf(results);
        failures = failures == null ? List.of() : List.copyOf(failures);
    }
}
