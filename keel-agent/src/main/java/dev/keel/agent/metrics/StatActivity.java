package dev.keel.agent.metrics;

import dev.keel.sql.SqlResources;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * {@code pg_stat_activity_count} and {@code pg_stat_activity_max_tx_duration} by datname and state, with the zeros
 * postgres_exporter reports for every state nobody is in, so an alert on a state does not go absent when it empties.
 */
final class StatActivity {
    private StatActivity() {}

    static List<Family> read(Connection c, String server) throws SQLException {
        Family count = Family.gauge("pg_stat_activity_count", "number of connections in this state");
        Family maxTx = Family.gauge(
                "pg_stat_activity_max_tx_duration", "max duration in seconds any active transaction has been running");
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(StatActivity.class, "stat-activity.sql"))) {
            while (rs.next()) {
                Labels labels = Labels.of("datname", rs.getString(1), "server", server, "state", rs.getString(2));
                count.add(labels, rs.getDouble(3));
                maxTx.add(labels, rs.getDouble(4));
            }
        }
        return List.of(count, maxTx);
    }
}
