package dev.keel.sql;

import java.util.regex.Pattern;

/** Quotes identifiers the one way keel does it, in SQL and in messages. */
public final class Identifiers {
    private static final Pattern PLAIN = Pattern.compile("[a-z_][a-z0-9_$]*");

    private Identifiers() {}

    /** Always quotes: safe for any name, used when building SQL. */
    public static String quote(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    /** Quotes only when PostgreSQL would need it: used in messages so they read naturally. */
    public static String display(String name) {
        return PLAIN.matcher(name).matches() ? name : quote(name);
    }

    public static String qualified(String schema, String name) {
        return quote(schema) + "." + quote(name);
    }

    public static String literal(String value) {
        return "'" + value.replace("'", "''") + "'";
    }
}
