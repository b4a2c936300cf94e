package dev.keel.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.sql.Identifiers;

/**
 * A column of one table kept equal to a column of the row it references in another: {@code table.column} is always
 * {@code (SELECT fromColumn FROM fromTable WHERE fromKey = table.key)}, NULL when there is no such row. Kept as JSON in
 * keel.projections for verify and repair.
 *
 * @param key the column of {@code table} that holds the referenced row's key
 * @param fromKey the referenced table's column that {@code key} matches (its primary key, usually)
 * @param keyOf the key column of {@code table} that its backfill walks (its primary key)
 */
public record CachedColumnDefinition(
        String schema,
        String table,
        String column,
        String columnType,
        String key,
        String fromTable,
        String fromColumn,
        String fromKey,
        String keyOf) {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** How keel.projections and the commands name it: schema.table.column. */
    public String name() {
        return table + "." + column;
    }

    public String qualifiedName() {
        return schema + "." + name();
    }

    public String target() {
        return Identifiers.qualified(schema, table);
    }

    public String source() {
        return Identifiers.qualified(schema, fromTable);
    }

    /** What the column must hold for a row of {@code table} named {@code alias}, as SQL. */
    public String truth(String alias) {
        return "(SELECT s." + Identifiers.quote(fromColumn) + " FROM " + source() + " s WHERE s."
                + Identifiers.quote(fromKey) + " = " + alias + "." + Identifiers.quote(key) + ")";
    }

    /** Trigger functions and triggers are named after the column; dropping the functions CASCADE drops them. */
    public String function(String side) {
        return Identifiers.qualified(schema, base() + "_" + side);
    }

    public String trigger(String side) {
        return base() + "_" + side;
    }

    private String base() {
        return "keel_copy_" + table + "_" + column;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a projection definition must serialise", e);
        }
    }

    public static CachedColumnDefinition fromJson(String json) {
        try {
            return JSON.readValue(json, CachedColumnDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a projection definition in keel.projections is unreadable: " + e.getMessage(), e);
        }
    }
}
