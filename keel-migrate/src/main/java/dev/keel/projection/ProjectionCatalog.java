package dev.keel.projection;

import static dev.keel.sql.Identifiers.literal;

import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** keel.projections: every counter, summary, materialized view and cached column keel keeps, and its state. */
public final class ProjectionCatalog {
    public static final String COUNTER = "counter";
    public static final String SUMMARY = "summary";
    public static final String MATERIALIZED_VIEW = "materialized_view";
    /** A cached column: create_projection. */
    public static final String PROJECTION = "projection";
    /** Created, triggers counting, base rows not yet written: compaction and verify leave it alone. */
    public static final String INITIALISING = "initialising";

    public static final String READY = "ready";

    private final String schema;

    public ProjectionCatalog(String stateSchema) {
        this.schema = stateSchema;
    }

    /** One row of the catalog; {@code definition} is JSON, written into JSON output as it is. */
    public record Entry(
            String schema,
            String name,
            String kind,
            @JsonRawValue String definition,
            String state,
            String createdBy,
            OffsetDateTime createdOn,
            OffsetDateTime lastCompacted,
            OffsetDateTime lastVerified,
            OffsetDateTime lastRefreshed) {

        public String qualifiedName() {
            return schema + "." + name;
        }

        public CounterDefinition counter() {
            return CounterDefinition.fromJson(definition);
        }

        public SummaryDefinition summary() {
            return SummaryDefinition.fromJson(definition);
        }

        public MaterializedViewDefinition materializedView() {
            return MaterializedViewDefinition.fromJson(definition);
        }

        public CachedColumnDefinition cachedColumn() {
            return CachedColumnDefinition.fromJson(definition);
        }

        /** Summaries and materialized views: how often they are refreshed; null for the kinds kept by triggers. */
        public Long refreshSeconds() {
            return switch (kind) {
                case SUMMARY -> summary().refreshSeconds();
                case MATERIALIZED_VIEW -> materializedView().refreshSeconds();
                default -> null;
            };
        }
    }

    public static String table(String stateSchema) {
        return Identifiers.qualified(stateSchema, "projections");
    }

    public String table() {
        return table(schema);
    }

    public static String createSql(String registry) {
        return SqlResources.load(ProjectionCatalog.class, "projections-create.sql", Map.of("projections", registry));
    }

    /** A row left by objects dropped by hand would block the name for ever: registering takes it over. */
    static String registerSql(String registry, CounterDefinition counter, String version) {
        return registerSql(
                registry, counter.schema(), counter.name(), COUNTER, counter.toJson(), INITIALISING, version);
    }

    /** Registers any kind; {@code state} is where it starts (ready, or initialising until its first fill). */
    public static String registerSql(
            String registry, String schema, String name, String kind, String json, String state, String version) {
        return "INSERT INTO " + registry + " (schema_name, name, kind, definition, state, created_by) VALUES ("
                + literal(schema) + ", " + literal(name) + ", " + literal(kind) + ", " + literal(json) + "::jsonb, "
                + literal(state) + ", " + (version == null ? "NULL" : literal(version))
                + ") ON CONFLICT (schema_name, name) DO UPDATE SET"
                + " kind = excluded.kind, definition = excluded.definition, state = excluded.state,"
                + " created_by = excluded.created_by, created_on = now(), updated_on = now(), last_compacted = NULL,"
                + " last_verified = NULL, last_refreshed = NULL";
    }

    public static String unregisterSql(String registry, String schema, String name) {
        return "DELETE FROM " + registry + " WHERE schema_name = " + literal(schema) + " AND name = " + literal(name);
    }

    /** Marks a projection ready and refreshed now: the end of its first fill. */
    public static String filledSql(String registry, String schema, String name) {
        return "UPDATE " + registry + " SET state = " + literal(READY) + ", last_refreshed = now(), updated_on = now()"
                + " WHERE schema_name = " + literal(schema) + " AND name = " + literal(name);
    }

    static String deleteSql(String registry, CounterDefinition counter) {
        return "DELETE FROM " + registry + " WHERE schema_name = " + literal(counter.schema()) + " AND name = "
                + literal(counter.name());
    }

    private boolean exists(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT to_regclass(?) IS NOT NULL")) {
            s.setString(1, table());
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getBoolean(1);
            }
        }
    }

    /** Every entry of {@code kind} (null for all), by schema and name; none when keel has created no projection. */
    public List<Entry> list(Connection c, String kind) throws SQLException {
        List<Entry> out = new ArrayList<>();
        if (!exists(c)) {
            return out;
        }
        try (PreparedStatement s = c.prepareStatement(
                "SELECT * FROM " + table() + " WHERE kind = coalesce(?, kind) ORDER BY schema_name, name")) {
            s.setString(1, kind);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(new Entry(
                            rs.getString("schema_name"),
                            rs.getString("name"),
                            rs.getString("kind"),
                            rs.getString("definition"),
                            rs.getString("state"),
                            rs.getString("created_by"),
                            rs.getObject("created_on", OffsetDateTime.class),
                            rs.getObject("last_compacted", OffsetDateTime.class),
                            rs.getObject("last_verified", OffsetDateTime.class),
                            rs.getObject("last_refreshed", OffsetDateTime.class)));
                }
            }
        }
        return out;
    }

    /** Stamps {@code column} (last_compacted, last_verified) with the transaction's time. */
    public void stamp(Connection c, Entry entry, String column) throws SQLException {
        if (!List.of("last_compacted", "last_verified", "last_refreshed").contains(column)) {
            throw new IllegalArgumentException("not a time column of keel.projections: " + column);
        }
        try (PreparedStatement s = c.prepareStatement(
                "UPDATE " + table() + " SET " + column + " = now() WHERE schema_name = ? AND name = ?")) {
            s.setString(1, entry.schema());
            s.setString(2, entry.name());
            s.executeUpdate();
        }
    }
}
