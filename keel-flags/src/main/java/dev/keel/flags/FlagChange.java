package dev.keel.flags;

import java.time.OffsetDateTime;
import java.util.List;

/**
 * One change of a flag, as keel flags history shows it: who (the database role, and the person or job that
 * KEEL_ACTOR or the OS user names), when, and the value, allow-list and schema version before and after.
 * The before fields are null for the change that created the flag.
 */
public record FlagChange(
        long id,
        String name,
        OffsetDateTime changedAt,
        String databaseRole,
        String actor,
        Rollout before,
        Rollout after,
        List<String> allowBefore,
        List<String> allowAfter,
        String schemaVersionBefore,
        String schemaVersionAfter) {}
