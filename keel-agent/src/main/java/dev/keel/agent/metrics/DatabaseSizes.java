package dev.keel.agent.metrics;

import dev.keel.sql.SqlResources;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/** {@code pg_database_size_bytes{datname, server}}: one query for every database, as postgres_exporter reports it. */
final class DatabaseSizes {
    private DatabaseSizes() {}

    static List<Family> read(Connection c, String server) throws SQLException {
        Family size = Family.gauge("pg_database_size_bytes", "Disk space used by the database");
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(DatabaseSizes.class, "database-size.sql"))) {
            while (rs.next()) {
                double bytes = rs.getDouble(2);
                if (!rs.wasNull()) {
                    size.add(Labels.of("datname", rs.getString(1), "server", server), bytes);
                }
            }
        }
        return List.of(size);
    }
}
