package dev.keel.migrate;

import java.util.List;

/** What {@code import-flyway} adopted from flyway_schema_history. */
public record ImportResult(
        String database, String flywayTable, int imported, String currentVersion, List<String> skipped) {

    public ImportResult {
        skipped = List.copyOf(skipped);
    }
}
