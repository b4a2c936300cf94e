package dev.keel.partition.doctor;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A partitioned table (declared or not) with so many partitions that planning grows slow: every query that the planner
 * cannot prune at plan time considers each partition, and each partition's relation is locked while it plans.
 *
 * @param infoAt from this many partitions an info finding
 * @param warnAt from this many a warning
 */
public record PartitionCount(long infoAt, long warnAt) implements DoctorCheck {
    public static final String ID = "partition-count";

    public PartitionCount() {
        this(500, 1000);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        try (Statement s = context.connection().createStatement();
                ResultSet rs =
                        s.executeQuery("SELECT n.nspname, c.relname, count(i.inhrelid) FROM pg_partitioned_table p"
                                + " JOIN pg_class c ON c.oid = p.partrelid JOIN pg_namespace n ON n.oid = c.relnamespace"
                                + " LEFT JOIN pg_inherits i ON i.inhparent = p.partrelid GROUP BY 1, 2 HAVING count(i.inhrelid)"
                                + " >= " + infoAt + " ORDER BY 3 DESC")) {
            while (rs.next()) {
                long count = rs.getLong(3);
                String table = rs.getString(1) + "." + rs.getString(2);
                Map<String, Object> evidence = new LinkedHashMap<>();
                evidence.put("table", table);
                evidence.put("partitions", count);
                evidence.put("warnAt", warnAt);
                findings.add(finding(
                        count >= warnAt ? DoctorSeverity.WARNING : DoctorSeverity.INFO,
                        count >= warnAt
                                ? Impact.between(count, warnAt, warnAt * 4)
                                : Impact.between(count, infoAt, warnAt),
                        table + " has " + count + " partitions",
                        evidence,
                        "queries the planner cannot prune at plan time plan and lock every partition, so their"
                                + " planning time and lock table use grow with the count; use a wider interval or a"
                                + " shorter retention"));
            }
        }
        return findings;
    }
}
