package dev.keel.change;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * What {@code keel change status} shows: the change in flight (none when {@code active} is false), the schemas it
 * serves, its backfill progress, and what complete and rollback would do.
 */
public record ChangeStatus(
        boolean active,
        String version,
        String description,
        String script,
        String phase,
        String schema,
        String newSchema,
        String previousSchema,
        OffsetDateTime startedOn,
        List<ChangeState.Progress> backfill,
        List<String> completeWill,
        List<String> rollbackWill) {

    public static ChangeStatus none() {
        return new ChangeStatus(false, null, null, null, null, null, null, null, null, List.of(), List.of(), List.of());
    }
}
