package dev.keel.projection;

import static dev.keel.sql.Identifiers.quote;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.keel.sql.Identifiers;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A plain materialized view keel refreshes every {@code refreshSeconds} with REFRESH … CONCURRENTLY, which needs the
 * unique index on {@code unique} that keel creates with it. Kept as JSON in keel.projections.
 */
public record MaterializedViewDefinition(
        String schema, String name, String query, List<String> unique, long refreshSeconds) {
    private static final ObjectMapper JSON =
            new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    public MaterializedViewDefinition {
        unique = List.copyOf(unique);
    }

    public String view() {
        return Identifiers.qualified(schema, name);
    }

    public String qualifiedName() {
        return schema + "." + name;
    }

    public String uniqueIndexName() {
        return name + "_unique";
    }

    /** Created WITH NO DATA inside the change's transaction, so start holds no lock while the query runs. */
    public List<String> create() {
        return List.of(
                "CREATE MATERIALIZED VIEW " + view() + " AS " + query + " WITH NO DATA",
                "CREATE UNIQUE INDEX " + quote(uniqueIndexName()) + " ON " + view() + " ("
                        + unique.stream().map(Identifiers::quote).collect(Collectors.joining(", ")) + ")");
    }

    /** The first fill: nothing reads the view yet, so the plain refresh's exclusive lock on it blocks nobody. */
    public String fill() {
        return "REFRESH MATERIALIZED VIEW " + view();
    }

    /** Every later one: readers keep reading the old rows while the new ones are computed. */
    public String refresh() {
        return "REFRESH MATERIALIZED VIEW CONCURRENTLY " + view();
    }

    public String drop() {
        return "DROP MATERIALIZED VIEW IF EXISTS " + view();
    }

    public String toJson() {
        try {
            return JSON.writeValueAsString(this);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a materialized view definition must serialise", e);
        }
    }

    public static MaterializedViewDefinition fromJson(String json) {
        try {
            return JSON.readValue(json, MaterializedViewDefinition.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(
                    "a materialized view definition in keel.projections is unreadable: " + e.getMessage(), e);
        }
    }
}
