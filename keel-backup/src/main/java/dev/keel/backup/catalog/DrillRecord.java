package dev.keel.backup.catalog;

import java.time.Instant;
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
        java.util.List<String> failures) {
    public DrillRecord {
        results = results == null ? Map.of() : Map.copyOf(results);
        failures = failures == null ? java.util.List.of() : java.util.List.copyOf(failures);
    }
}
