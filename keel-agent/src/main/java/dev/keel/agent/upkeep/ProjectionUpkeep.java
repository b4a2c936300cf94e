package dev.keel.agent.upkeep;

import dev.keel.projection.ProjectionCatalog;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** keel.projections row by row, with each one's age and, for a counter, its stripes' estimated rows. */
public final class ProjectionUpkeep {
    private ProjectionUpkeep() {}

    /**
     * One projection.
     *
     * @param refreshSeconds its declared interval; null for the kinds kept by triggers (counters, cached columns)
     * @param ageSeconds since its last refresh, or since it was created when it never was
     * @param stripeRows a counter's stripes, base rows and deltas not yet compacted, as the statistics estimate them;
     *     null for other kinds or when the stripes table is gone
     */
    public record Row(
            String schema,
            String name,
            String kind,
            String state,
            Double refreshSeconds,
            double ageSeconds,
            OffsetDateTime lastRefreshed,
            OffsetDateTime lastCompacted,
            OffsetDateTime lastVerified,
            Double stripeRows) {

        public String qualifiedName() {
            return schema + "." + name;
        }

        /** Summaries and materialized views: those with an interval their age can be held to. */
        public boolean refreshed() {
            return refreshSeconds != null && refreshSeconds > 0;
        }
    }

    /** Every row; none when keel has created no projection here (one statement more, to ask). */
    public static List<Row> read(Connection c, String stateSchema) throws SQLException {
        String table = ProjectionCatalog.table(stateSchema);
        return Registry.exists(c, table) ? readExisting(c, table) : List.of();
    }

    /** Every row of a registry known to exist: one statement. */
    public static List<Row> readExisting(Connection c, String table) throws SQLException {
        List<Row> rows = new ArrayList<>();
        String sql = SqlResources.load(ProjectionUpkeep.class, "projections.sql", Map.of("projections", table));
        try (PreparedStatement s = c.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            while (rs.next()) {
                rows.add(new Row(
                        rs.getString("schema_name"),
                        rs.getString("name"),
                        rs.getString("kind"),
                        rs.getString("state"),
                        Registry.nullable(rs, "refresh_seconds"),
                        rs.getDouble("age_seconds"),
                        rs.getObject("last_refreshed", OffsetDateTime.class),
                        rs.getObject("last_compacted", OffsetDateTime.class),
                        rs.getObject("last_verified", OffsetDateTime.class),
                        Registry.nullable(rs, "stripe_rows")));
            }
        }
        return rows;
    }
}
