package dev.keel.migrate;

/**
 * One migration file found in a location: a versioned one (version set) or a repeatable one
 * (version null). {@code script} is the path relative to its location, as history records it.
 */
public record MigrationScript(
        MigrationVersion version,
        String description,
        MigrationType type,
        String script,
        String location,
        String content,
        int checksum) {

    public boolean repeatable() {
        return type == MigrationType.REPEATABLE;
    }

    /** V3 or R:description, for messages. */
    public String label() {
        return repeatable() ? "R__" + description.replace(' ', '_') : "V" + version;
    }
}
