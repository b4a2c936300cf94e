package dev.keel.advise;

/**
 * A problem with an index that exists, or one that is missing under a foreign key.
 *
 * @param index the index concerned; for a foreign key without index, the constraint's name
 * @param detail what is wrong, in one sentence
 * @param fix the statement that fixes it (run it in a migration of its own: CONCURRENTLY)
 */
public record HealthFinding(
        Kind kind, String schema, String table, String index, long bytes, String detail, String fix) {

    public enum Kind {
        /** No scan since the statistics were reset, and no constraint behind it. */
        UNUSED,
        /** The same keys as another index on the table. */
        DUPLICATE,
        /** Its keys lead another index, which serves the same lookups. */
        REDUNDANT,
        /** A failed or interrupted CREATE INDEX CONCURRENTLY: maintained on every write, used by no query. */
        INVALID,
        /** Deleting or updating a referenced row reads the whole referencing table. */
        FOREIGN_KEY_WITHOUT_INDEX
    }
}
