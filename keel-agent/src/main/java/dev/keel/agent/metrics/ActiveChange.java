package dev.keel.agent.metrics;

import dev.keel.change.ChangeState;
import dev.keel.sql.SqlResources;
import io.prometheus.metrics.model.snapshots.Labels;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

/**
 * The zero-downtime change in flight ({@code keel change status} in one query): {@code keel_change_active}, its phase,
 * when it started, and its backfill summed over the tables it rewrites.
 */
final class ActiveChange {
    private ActiveChange() {}

    /** @param tablesExist false when keel has never started a change here: then nothing is active and nothing is asked */
    static List<Family> read(Connection c, ChangeState change, boolean tablesExist) throws SQLException {
        Family active = Family.gauge("keel_change_active", "1 while a zero-downtime change is in flight, else 0");
        Family phase = Family.gauge("keel_change_phase", "1 for the phase the change in flight is in");
        Family started = Family.gauge("keel_change_started_timestamp_seconds", "When the change in flight started");
        Family rowsDone = Family.gauge("keel_change_backfill_rows_done", "Rows the change's backfill has converted");
        Family rowsTotal = Family.gauge(
                "keel_change_backfill_rows_expected", "Rows the change's backfill estimated it must convert");
        Family tables = Family.gauge("keel_change_backfill_tables", "Tables the change's backfill rewrites");
        Family tablesDone = Family.gauge("keel_change_backfill_tables_done", "Tables whose backfill has finished");
        boolean found = false;
        if (tablesExist) {
            String sql = SqlResources.load(
                    ActiveChange.class,
                    "active-change.sql",
                    Map.of("state", change.table(), "backfill", change.backfillTable()));
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery(sql)) {
                if (rs.next()) {
                    found = true;
                    Labels version = Labels.of("version", rs.getString("version"));
                    phase.add(version.add("phase", rs.getString("phase")), 1);
                    started.add(version, rs.getDouble("started"));
                    rowsDone.add(version, rs.getDouble("rows_done"));
                    rowsTotal.add(version, rs.getDouble("rows_total"));
                    tables.add(version, rs.getDouble("tables"));
                    tablesDone.add(version, rs.getDouble("tables_done"));
                }
            }
        }
        active.add(found ? 1 : 0);
        return List.of(active, phase, started, rowsDone, rowsTotal, tables, tablesDone);
    }
}
