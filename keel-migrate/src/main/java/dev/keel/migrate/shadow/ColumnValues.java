package dev.keel.migrate.shadow;

import java.util.Optional;

/**
 * The SQL expression that gives a column its synthetic value in row {@code g} of generate_series.
 * Values follow the series wherever the type allows, so that different rows differ and unique keys
 * hold; the result is cast to the declared type, which also applies a domain's checks and a
 * length limit.
 */
public final class ColumnValues {
    private ColumnValues() {}

    /** Empty when the column is better left to PostgreSQL: its default, or NULL where allowed. */
    public static Optional<String> expression(FillColumn column, String g) {
        if (column.filledByServer()) {
            return Optional.empty();
        }
        String value = value(column, g);
        if (value == null) {
            // An unknown type: NULL where allowed, otherwise the number's text, which many types read.
            return column.notNull() ? Optional.of("(" + g + ")::text::" + column.declared()) : Optional.empty();
        }
        return Optional.of("(" + value + ")::" + column.declared());
    }

    private static String value(FillColumn column, String g) {
        if (column.category().equals("A")) {
            return column.notNull() ? "'{}'::" + column.baseDeclared() : null;
        }
        if (column.kind().equals("e")) {
            String range = "enum_range(NULL::" + column.baseDeclared() + ")";
            return "(" + range + ")[1 + " + g + " % cardinality(" + range + ")]";
        }
        return switch (column.base()) {
            case "int2" -> g + " % 32767";
            case "int4", "int8", "oid", "float4", "float8", "money" -> g;
            case "numeric" -> numeric(column.typmod(), g);
            case "text", "varchar", "bpchar", "name", "citext" -> g + "::text";
            case "bool" -> g + " % 2 = 0";
            case "date" -> "date '2000-01-01' + (" + g + " % 36500)::int";
            case "timestamp", "timestamptz" -> "timestamp '2000-01-01' + " + g + " * interval '1 second'";
            case "time", "timetz" -> "time '00:00' + (" + g + " % 86400) * interval '1 second'";
            case "interval" -> g + " * interval '1 second'";
            case "uuid" -> "md5(" + g + "::text)::uuid";
            case "json", "jsonb" -> "json_build_object('n', " + g + ")";
            case "bytea" -> "int8send(" + g + "::int8)";
            case "inet" -> "'10.0.0.0'::inet + " + g;
            case "tsvector" -> "to_tsvector('simple', " + g + "::text)";
            case "xml" -> "xmlelement(name n, " + g + ")";
            default -> null;
        };
    }

    /** Within numeric(p, s): the series modulo the largest integer part the column holds. */
    private static String numeric(int typmod, String g) {
        if (typmod < 4) {
            return g;
        }
        int precision = ((typmod - 4) >> 16) & 0xffff;
        int scale = (typmod - 4) & 0xffff;
        int digits = precision - scale;
        return digits <= 0 ? "0" : digits >= 18 ? g : g + " % " + "1" + "0".repeat(digits);
    }
}
