package dev.keel.projection;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.sql.Identifiers;

/**
 * What a summary keeps: the result of {@code query}, a table of aggregates per time bucket of {@code incrementalBy},
 * refreshed every {@code refreshSeconds} by recomputing only the buckets whose rows changed. Kept as JSON in
 * keel.projections, so refreshes need no change file.
 *
 * @param columnType the type of {@code incrementalBy}, which the pending ranges are kept in
 * @param lateSeconds changes to rows older than this are not applied (their buckets are final, and a retention that
 *     drops old rows keeps their aggregates); null applies every change
 * @param timeZone the session time zone buckets are computed in: date_trunc of a timestamptz depends on it
 */
public record SummaryDefinition(
        String schema,
        String name,
        String query,
        String incrementalBy,
        String columnType,
        long refreshSeconds,
        Long lateSeconds,
        String timeZone) {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    /** The table a product reads. */
    public String table() {
        return Identifiers.qualified(schema, name);
    }

    /** The ranges of the column that changed since the last refresh, one row per writing statement. */
    public String pending() {
        return Identifiers.qualified(schema, name + "_pending");
    }

    public String pendingName() {
        return name + "_pending";
    }

    /** The trigger function of one event; dropping the functions CASCADE drops their triggers. */
    public String function(String event) {
        return Identifiers.qualified(schema, name + "_pending_" + event);
    }

    public String trigger(String event) {
        return name + "_pending_" + event;
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public SummaryQuery parsed() {
        try {
            return SummaryQuery.parse(query, incrementalBy);
        } catch (SummaryQuery.Refused e) {
            throw new IllegalStateException("a stored summary query no longer parses: " + e.getMessage(), e);
        }
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a summary definition must serialise", e);
        }
    }

    public static SummaryDefinition fromJson(String json) {
        try {
            return JSON.readValue(json, SummaryDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a summary definition in keel.projections is unreadable: " + e.getMessage(), e);
        }
    }
}
