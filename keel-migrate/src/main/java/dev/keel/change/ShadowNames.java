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
        return fit(name, MAX_IDENTIFIER_BYTES);
    }

    private static String fit(String name, int max) {
        byte[] bytes = name.getBytes(StandardCharsets.UTF_8);
        if (bytes.length <= max) {
            return name;
        }
        int end = max;
        // Never cut a character in two: back up to the start of a UTF-8 sequence.
        while ((bytes[end] & 0xC0) == 0x80) {
            end--;
        }
        return new String(bytes, 0, end, StandardCharsets.UTF_8);
    }

    /** partition_table's new partitioned table, beside the table it replaces until complete swaps their names. */
    public static String partitionedCopy(String table) {
        return table + "_keel_part";
    }

    /** The name partition_table's complete gives the table it replaced, kept until dropped by a later change. */
    public static String replaced(String name) {
        // The name is cut, never the suffix: a cut suffix could give back the very name being freed.
        return fit(name, MAX_IDENTIFIER_BYTES - "_keel_old".length()) + "_keel_old";
    }

    /** The function (in keel's schema) behind partition_table's copy trigger. */
    public static String copyFunction(String schema, String table) {
        return fit(PREFIX + "part_" + schema + "_" + table);
    }

    public static final String COPY_TRIGGER = PREFIX + "part_copy";

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
