package dev.keel.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.sql.Identifiers;
import java.util.List;
import java.util.Locale;

/**
 * What a counter counts: the rows of {@code table} that meet {@code where}, per value of the {@code groupBy} columns,
 * with the sum of {@code sum} when given. Kept as JSON in keel.projections, so compaction and verify need no change
 * file.
 *
 * @param sum the summed column, or null for a count alone
 * @param sumType the type the stripes keep the sum in (what sum() returns for the column), or null
 * @param where an SQL condition over the table's columns, or null for every row
 */
public record CounterDefinition(
        String schema, String name, String table, List<String> groupBy, String sum, String sumType, String where) {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public CounterDefinition {
        groupBy = List.copyOf(groupBy);
    }

    /** The view a product reads. */
    public String view() {
        return Identifiers.qualified(schema, name);
    }

    public String stripesName() {
        return name + "_stripes";
    }

    /** The table of stripes: one base row per group (slot 0) and the deltas of each writing statement. */
    public String stripes() {
        return Identifiers.qualified(schema, stripesName());
    }

    public String source() {
        return Identifiers.qualified(schema, table);
    }

    /** The trigger function that writes the deltas; dropping it CASCADE drops its triggers. */
    public String function() {
        return Identifiers.qualified(schema, name + "_stripes_write");
    }

    public String trigger(String event) {
        return name + "_count_" + event;
    }

    /** schema.name, how keel.projections and the commands name it. */
    public String qualifiedName() {
        return schema + "." + name;
    }

    public boolean sums() {
        return sum != null;
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a counter definition must serialise", e);
        }
    }

    public static CounterDefinition fromJson(String json) {
        try {
            return JSON.readValue(json, CounterDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a counter definition in keel.projections is unreadable: " + e.getMessage(), e);
        }
    }

    /**
     * The type sum() returns for a column of {@code type}, for the types whose sums stay exact in any order; null for
     * any other (a float's sum depends on the order its terms are added in, so stripes would drift from the truth).
     */
    public static String sumTypeOf(String type) {
        String t = type.toLowerCase(Locale.ROOT);
        if (t.equals("smallint") || t.equals("integer")) {
            return "bigint";
        }
        if (t.equals("bigint") || t.equals("numeric") || t.startsWith("numeric(")) {
            return "numeric";
        }
        return null;
    }
}
