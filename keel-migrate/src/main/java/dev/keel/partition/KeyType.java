package dev.keel.partition;

import java.util.Locale;
import java.util.Optional;

/** The kinds of range partition key keel maintains: a point in time, or an integer. */
public enum KeyType {
    TIMESTAMPTZ,
    TIMESTAMP,
    DATE,
    INTEGER;

    /** The key type of a column type as written or as the catalog formats it; empty for one keel cannot range over. */
    public static Optional<KeyType> of(String columnType) {
        String t = columnType.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        return Optional.ofNullable(
                switch (t) {
                    case "timestamptz", "timestamp with time zone" -> TIMESTAMPTZ;
                    case "timestamp", "timestamp without time zone" -> TIMESTAMP;
                    case "date" -> DATE;
                    case "bigint", "int8", "integer", "int", "int4", "smallint", "int2" -> INTEGER;
                    default -> null;
                });
    }

    public boolean time() {
        return this != INTEGER;
    }
}
