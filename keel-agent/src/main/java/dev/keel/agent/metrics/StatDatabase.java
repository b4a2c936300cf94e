package dev.keel.agent.metrics;

import dev.keel.sql.SqlResources;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code pg_stat_database_<column>{datid, datname, server}} for every numeric or time column of pg_stat_database, as
 * postgres_exporter 0.11 names them. numbackends is a gauge; the rest count up since stats_reset and are untyped (see
 * {@link Family}). The row of shared objects (datid 0) has an empty datname, as the exporter reports it. The
 * same statement gives {@code pg_stat_database_conflicts_<column>} from pg_stat_database_conflicts.
 */
final class StatDatabase {
    private static final String PREFIX = "pg_stat_database_";
    private static final String CONFLICTS_PREFIX = "pg_stat_database_conflicts_";
    /** The column in stat-database.sql after which the conflicts view's columns come. */
    private static final String CONFLICTS_FROM = "keel_conflicts_from";

    private StatDatabase() {}

    static List<Family> read(Connection c, String server) throws SQLException {
        Map<String, Family> families = new LinkedHashMap<>();
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery(SqlResources.load(StatDatabase.class, "stat-database.sql"))) {
            ResultSetMetaData meta = rs.getMetaData();
            List<Integer> columns = new ArrayList<>();
            List<String> names = new ArrayList<>();
            boolean conflicts = false;
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                String column = meta.getColumnName(i);
                if (column.equals(CONFLICTS_FROM)) {
                    conflicts = true;
                } else if (!column.equals("datid") && !column.equals("datname") && isValue(meta.getColumnType(i))) {
                    String name = (conflicts ? CONFLICTS_PREFIX : PREFIX) + column;
                    columns.add(i);
                    names.add(name);
                    families.putIfAbsent(name, family(name, column, conflicts));
                }
            }
            while (rs.next()) {
                String datname = rs.getString("datname");
                Labels labels = Labels.of(
                        "datid", rs.getString("datid"), "datname", datname == null ? "" : datname, "server", server);
                for (int k = 0; k < columns.size(); k++) {
                    int i = columns.get(k);
                    double value = value(rs, i, meta.getColumnType(i));
                    if (names.get(k).startsWith(CONFLICTS_PREFIX) && rs.wasNull()) {
                        continue;
                    }
                    families.get(names.get(k)).add(labels, value);
                }
            }
        }
        return new ArrayList<>(families.values());
    }

    private static Family family(String name, String column, boolean conflicts) {
        if (column.equals("numbackends")) {
            return Family.gauge(name, "Number of backends currently connected to this database");
        }
        String view = conflicts ? "pg_stat_database_conflicts." : "pg_stat_database.";
        return Family.untyped(name, view + column + " (cumulative since stats_reset; a counter)");
    }

    private static boolean isValue(int type) {
        return switch (type) {
            case Types.BIGINT,
                    Types.INTEGER,
                    Types.SMALLINT,
                    Types.DOUBLE,
                    Types.FLOAT,
                    Types.REAL,
                    Types.NUMERIC,
                    Types.DECIMAL,
                    Types.TIMESTAMP,
                    Types.TIMESTAMP_WITH_TIMEZONE -> true;
            default -> false;
        };
    }

    /** A time as Unix seconds and a null as NaN, as the exporter converts them. */
    private static double value(ResultSet rs, int column, int type) throws SQLException {
        if (type == Types.TIMESTAMP || type == Types.TIMESTAMP_WITH_TIMEZONE) {
            Timestamp t = rs.getTimestamp(column);
            return t == null ? Double.NaN : t.getTime() / 1000.0;
        }
        double v = rs.getDouble(column);
        return rs.wasNull() ? Double.NaN : v;
    }
}
