package dev.keel.flags;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One flag as keel's schema holds it.
 *
 * @param allow subject keys that have the flag whatever the rollout says (sorted, no duplicates)
 * @param schemaVersion the schema an enabled subject reads and writes through (e.g. public_v8), or null
 * @param updatedBy who set it last: the database role, and the person or job behind it
 */
public record Flag(
        String name,
        Rollout rollout,
        List<String> allow,
        String schemaVersion,
        OffsetDateTime updatedAt,
        String updatedBy) {

    public Flag {
        allow = List.copyOf(allow);
    }

    /** Allow-listed subjects always; otherwise the subject's bucket decides. A null subject has only the rollout's on/off. */
    public boolean enabledFor(String subject) {
        if (subject == null) {
            return rollout.on();
        }
        return allow.contains(subject) || Bucketing.covers(rollout, name, subject);
    }
}
