package dev.keel.change;

import java.nio.charset.StandardCharsets;

/**
 * The one place that names what a change adds beside the user's objects, so that rollback and complete find them and
 * the views of the old shape leave them out.
 */
public final class ShadowNames {
    public static final String PREFIX = "_keel_";
    private static final String NEW_COLUMN = PREFIX + "new_";
    private static final int MAX_IDENTIFIER_BYTES = 63;

    private ShadowNames() {}

    /** The physical column that holds a changed column's new shape until complete renames it. */
    public static String newColumn(String column) {
        return NEW_COLUMN + column;
    }

    /**
     * The copy of an index or constraint over a changed column, renamed to {@code name} at complete. Cut to the 63 bytes
     * PostgreSQL keeps, so that the name keel looks up is the name the server stored.
     */
    public static String copyOf(String name) {
        return fit(PREFIX + "c_" + name);
    }

    private static String fit(String name) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= MAX_IDENTIFIER_BYTES) {
            return name;
        }
        int end = MAX_IDENTIFIER_BYTES;
        // Never cut a character in two: back up to the start of a UTF-8 sequence.
        while ((bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    public static boolean isShadow(String column) {
        return column.startsWith(PREFIX);
    }

    /** The NOT VALID check that stands for NOT NULL until complete (a valid check lets SET NOT NULL skip its scan). */
    public static String notNullCheck(String column) {
        return PREFIX + "nn_" + column;
    }

    /** The function (in keel's schema) behind a table's dual-write trigger. */
    public static String triggerFunction(String schema, String table) {
        return PREFIX + "dual_" + schema + "_" + table;
    }

    public static String trigger(String table) {
        return PREFIX + "dual_write";
    }

    /** {@code public_v8}: the schema whose views show a version's shape; dots in the version become underscores. */
    public static String versionSchema(String schema, String version) {
        return schema + "_v" + version.replace('.', '_');
    }

    /** Marks a version schema as keel's, so that a user's schema of the same name is never dropped. */
    public static final String VERSION_SCHEMA_COMMENT = "keel: views of a schema version, managed by keel change";
}
