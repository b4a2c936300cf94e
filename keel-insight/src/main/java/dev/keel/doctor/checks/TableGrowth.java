package dev.keel.doctor.checks;

import dev.keel.config.ByteSizes;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import dev.keel.sql.Identifiers;
import dev.keel.sql.SqlResources;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Growth advice: when a large table passes the sizes where partitioning it pays, projected from the table sizes in
 * keel's statistics snapshots. Two limits: the memory the planner assumes for caching ({@code effective_cache_size}),
 * past which a table's index and heap no longer stay cached, and the size a whole-table vacuum reads in {@code
 * vacuumTime} at autovacuum's cost limits. Partitioning pays only when the statements filter the table by a range of
 * a date or time column, or delete its old rows by one (seen in pg_stat_statements): then it proposes a change file
 * that partitions by that column.
 *
 * @param history snapshots this old or newer fit the growth
 * @param minHistory the snapshots must span at least this long for a growth rate
 * @param minPoints … and be at least this many
 * @param minBytes smaller tables are never worth partitioning
 * @param horizon a limit passed later than this is not yet a finding
 * @param soon a limit passed within this (or already) makes a warning
 * @param vacuumTime the longest a whole-table vacuum should read for
 * @param partitionBytes the size one partition should stay under, which chooses the proposed interval
 */
public record TableGrowth(
        Duration history,
        Duration minHistory,
        int minPoints,
        long minBytes,
        Duration horizon,
        Duration soon,
        Duration vacuumTime,
        long partitionBytes)
        implements DoctorCheck {
    public static final String ID = "table-growth";

    public TableGrowth() {
        this(
                Duration.ofDays(30),
                Duration.ofDays(1),
                3,
                1L << 30,
                Duration.ofDays(90),
                Duration.ofDays(30),
                Duration.ofHours(1),
                10L << 30);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public String readsAllRolesStatistics() {
        return "every role's statements in pg_stat_statements";
    }

    private record Limit(String name, long bytes, String meaning) {}

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        Connection c = context.connection();
        Rows.Row settings = Rows.query(c, "growth-limits.sql").get(0);
        List<Limit> limits = limits(settings);
        String statementsSchema = settings.text("statements_schema");
        List<DoctorFinding> findings = new ArrayList<>();
        for (Rows.Row t : tables(c, context.keelSchema())) {
            boolean fitted = t.whole("points") >= minPoints && t.decimal("span_seconds") >= minHistory.toSeconds();
            GrowthLine line = new GrowthLine(
                    t.whole("total_bytes"), fitted && !t.isNull("bytes_per_day") ? t.decimal("bytes_per_day") : null);
            Limit passed = null;
            Double days = null;
            for (Limit limit : limits) {
                Double d = line.daysUntil(limit.bytes());
                if (d != null && d <= horizon.toDays() && (days == null || d < days)) {
                    passed = limit;
                    days = d;
                }
            }
            if (passed == null) {
                continue;
            }
            DoctorFinding finding = finding(c, t, line, passed, days, statementsSchema);
            if (finding != null) {
                findings.add(finding);
            }
        }
        return findings;
    }

    private List<Limit> limits(Rows.Row s) {
        List<Limit> limits = new ArrayList<>();
        limits.add(new Limit(
                "effective_cache_size",
                s.whole("cache_bytes"),
                "its indexes and rows no longer stay cached, and each time-ranged query reads from disk"));
        double delayMs = s.decimal("cost_delay_ms");
        if (delayMs > 0 && s.decimal("page_miss_cost") > 0) {
            // Autovacuum reads at most cost_limit / page_miss_cost pages per delay; dirtied pages only slow it more.
            double pagesPerSecond = s.decimal("cost_limit") / s.decimal("page_miss_cost") / (delayMs / 1000);
            long bytes = (long) (pagesPerSecond * vacuumTime.toSeconds() * s.whole("block_size"));
            limits.add(new Limit(
                    "a " + Figures.seconds(vacuumTime.toSeconds()) + " vacuum",
                    bytes,
                    "a whole-table vacuum reads for longer than " + Figures.seconds(vacuumTime.toSeconds())
                            + " at autovacuum's cost limits, while dead rows and transaction ids pile up"));
        }
        return limits;
    }

    private List<Rows.Row> tables(Connection c, String keelSchema) throws SQLException {
        String stats = Identifiers.quote(keelSchema);
        boolean snapshots = Rows.query(c, "growth-snapshots.sql", Identifiers.qualified(keelSchema, "stat_table"))
                .get(0)
                .flag("sized");
        String growth = snapshots
                ? SqlResources.load(TableGrowth.class, "table-growth-fit.sql", Map.of("schema", stats))
                : "SELECT NULL::oid AS relid, 0::bigint AS points, 0::float8 AS span_seconds,"
                        + " NULL::float8 AS bytes_per_day, NULL::float8 AS rows_per_day WHERE false";
        String sql = SqlResources.load(TableGrowth.class, "table-growth.sql", Map.of("growth", growth));
        try (PreparedStatement s = c.prepareStatement(sql)) {
            int p = 1;
            if (snapshots) {
                s.setLong(p++, history.toSeconds());
            }
            s.setString(p++, keelSchema);
            s.setLong(p, minBytes);
            return Rows.read(s);
        }
    }

    private DoctorFinding finding(
            Connection c, Rows.Row t, GrowthLine line, Limit passed, double days, String statementsSchema)
            throws SQLException {
        String schema = t.text("schema_name");
        String name = t.text("table_name");
        String table = schema + "." + name;
        List<String> columns = new ArrayList<>();
        String indexedColumn = null;
        for (Rows.Row col : Rows.query(c, "time-columns.sql", t.whole("relid"))) {
            columns.add(col.text("column_name"));
            if (indexedColumn == null && col.flag("indexed")) {
                indexedColumn = col.text("column_name");
            }
        }
        if (columns.isEmpty()) {
            return null;
        }
        TimeRangeUse.ColumnUse use = null;
        boolean statementsSeen = statementsSchema != null;
        if (statementsSeen) {
            use = TimeRangeUse.best(TimeRangeUse.of(schema, name, columns, statements(c, statementsSchema, name)));
            if (use == null) {
                // Nothing filters or deletes it by time: partitions would not be pruned, so they would not pay.
                return null;
            }
        } else if (indexedColumn == null) {
            return null;
        }
        String key = use != null ? use.column() : indexedColumn;
        String interval = PartitionProposal.interval(line.bytesPerDay(), partitionBytes);
        boolean deletes = use != null && use.oldRowDeleteCalls() > 0;
        String when = days == 0
                ? "is past " + passed.name() + " (" + ByteSizes.human(passed.bytes()) + ")"
                : "passes " + passed.name() + " (" + ByteSizes.human(passed.bytes()) + ") in about "
                        + Math.max(1, Math.round(days)) + (Math.round(days) <= 1 ? " day" : " days");
        String growth = line.bytesPerDay() == null ? "" : ", growing " + ByteSizes.human(line.bytesPerDay()) + " a day";
        String usage = use == null
                ? "; keel cannot see its statements (pg_stat_statements is not installed), " + key + " leads an index"
                : "; its statements " + (use.rangeReadCalls() > 0 ? "read ranges of " + key : "")
                        + (use.rangeReadCalls() > 0 && deletes ? " and " : "")
                        + (deletes ? "delete old rows by " + key : "");
        String summary = table + " (" + ByteSizes.human(line.bytes()) + growth + ") " + when + usage
                + ": partition it by " + key + ", " + interval + " per partition";
        DoctorSeverity severity = use != null && days <= soon.toDays() ? DoctorSeverity.WARNING : DoctorSeverity.INFO;
        double closeness = Impact.between(horizon.toDays() - days, 0, horizon.toDays());
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("table", table);
        evidence.put("totalBytes", line.bytes());
        evidence.put("rows", t.whole("rows"));
        evidence.put("bytesPerDay", line.bytesPerDay() == null ? null : Math.round(line.bytesPerDay()));
        evidence.put(
                "rowsPerDay",
                line.bytesPerDay() == null || t.isNull("rows_per_day") ? null : Math.round(t.decimal("rows_per_day")));
        evidence.put("limit", passed.name());
        evidence.put("limitBytes", passed.bytes());
        evidence.put("daysUntilLimit", Figures.round(days, 1));
        evidence.put("statementsSeen", statementsSeen);
        evidence.put("partitionKey", key);
        evidence.put("rangeReadCalls", use == null ? null : use.rangeReadCalls());
        evidence.put("oldRowDeleteCalls", use == null ? null : use.oldRowDeleteCalls());
        evidence.put("queryIds", use == null ? List.of() : use.queryIds());
        evidence.put("interval", interval);
        String why = table + " " + when + growth + ".";
        evidence.put("changeFile", PartitionProposal.changeFile(table, key, interval, why, deletes));
        String impact = "past it " + passed.meaning() + "; partitioned by " + key
                + ", queries read only the partitions of their range and old rows leave by dropping a partition";
        return finding(severity, closeness, summary, evidence, impact);
    }

    private static List<TimeRangeUse.Statement> statements(Connection c, String statementsSchema, String table)
            throws SQLException {
        String sql = "/* keel doctor: table-growth */ SELECT queryid, query, calls FROM "
                + Identifiers.qualified(statementsSchema, "pg_stat_statements")
                + " WHERE dbid = (SELECT oid FROM pg_database WHERE datname = current_database())"
                + " AND strpos(lower(query), lower(?)) > 0 ORDER BY calls DESC LIMIT 200";
        List<TimeRangeUse.Statement> statements = new ArrayList<>();
        try (PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, table.toLowerCase(Locale.ROOT));
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    statements.add(new TimeRangeUse.Statement(rs.getLong(1), rs.getString(2), rs.getLong(3)));
                }
            }
        }
        return statements;
    }
}
