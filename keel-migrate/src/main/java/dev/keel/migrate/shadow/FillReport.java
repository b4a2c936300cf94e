package dev.keel.migrate.shadow;

import java.util.List;
import java.util.Map;

/**
 * What filling the shadow did.
 *
 * @param rows the synthetic rows each table got (a skipped table is absent)
 * @param warnings one line per table skipped or capped, naming it
 */
public record FillReport(Map<RelationName, Long> rows, List<String> warnings, long millis) {

    public static FillReport none() {
        return new FillReport(Map.of(), List.of(), 0);
    }

    public long total() {
        return rows.values().stream().mapToLong(Long::longValue).sum();
    }
}
