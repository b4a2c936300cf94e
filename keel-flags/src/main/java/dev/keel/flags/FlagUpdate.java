package dev.keel.flags;

import java.util.List;

/**
 * What keel flags set asks for; a null field keeps what the flag has.
 *
 * @param allow the new allow-list (empty clears it), or null to keep it
 * @param schemaVersion the new schema version, or null to keep it
 * @param clearSchemaVersion unlink the flag from any schema version
 */
public record FlagUpdate(
        String name, Rollout rollout, List<String> allow, String schemaVersion, boolean clearSchemaVersion) {

    public FlagUpdate {
        FlagName.check(name);
        allow = allow == null ? null : allow.stream().distinct().sorted().toList();
    }

    public boolean changesNothing() {
        return rollout == null && allow == null && schemaVersion == null && !clearSchemaVersion;
    }

    /** The flag after this update, from what it was (null: a new flag, off, with no allow-list). */
    Flag applyTo(Flag current, String updatedBy) {
        Rollout r = rollout != null ? rollout : current == null ? Rollout.OFF : current.rollout();
        List<String> a = allow != null ? allow : current == null ? List.of() : current.allow();
        String v = clearSchemaVersion
                ? null
                : schemaVersion != null ? schemaVersion : current == null ? null : current.schemaVersion();
        return new Flag(name, r, a, v, null, updatedBy);
    }
}
