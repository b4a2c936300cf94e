package dev.keel.migrate;

import java.time.OffsetDateTime;
import java.util.List;

/** Every migration known to disk or history, with its state. */
public record InfoResult(String database, String currentVersion, List<Row> migrations) {

    public InfoResult {
        migrations = List.copyOf(migrations);
    }

    /**
     * @param state applied, pending, failed, missing (applied, file gone), changed (applied, file edited),
     *     baseline, below-baseline, out-of-order (pending below the current version), above-target, outdated (repeatable edited)
     */
    public record Row(
            String type,
            String version,
            String description,
            String script,
            String state,
            OffsetDateTime installedOn,
            Integer executionMillis) {}

    public long count(String state) {
        return migrations.stream().filter(r -> r.state().equals(state)).count();
    }
}
