package dev.keel.partition.doctor;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Rows in a declared set's default partition: rows no partition was ready for. Each one makes creating the partition
 * of its range slower (PostgreSQL scans the default partition under lock to create one), and queries for that range
 * read the whole default partition instead of one pruned partition.
 */
public record PartitionDefaultRows(Clock clock) implements DoctorCheck {
    public static final String ID = "partition-default-rows";

    public PartitionDefaultRows() {
        this(Clock.systemUTC());
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        List<DoctorFinding> findings = new ArrayList<>();
        for (PartitionFacts f : PartitionFacts.read(context.connection(), context.keelSchema(), clock)) {
            if (f.defaultRows() == 0) {
                continue;
            }
            String rows = f.defaultRows() >= PartitionFacts.COUNT_CAP
                    ? "at least " + PartitionFacts.COUNT_CAP
                    : Long.toString(f.defaultRows());
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("set", f.set().qualifiedName());
            evidence.put("defaultPartition", f.parent().defaultPartition().name());
            evidence.put("rows", f.defaultRows());
            findings.add(finding(
                    DoctorSeverity.WARNING,
                    Impact.between(f.defaultRows(), 0, PartitionFacts.COUNT_CAP),
                    rows + " row" + (f.defaultRows() == 1 ? "" : "s") + " of "
                            + f.set().qualifiedName() + " sit in its default partition "
                            + f.parent().defaultPartition().name(),
                    evidence,
                    "queries for their range read the whole default partition, and creating their partition scans it"
                            + " under lock; keel partitions maintain moves them into partitions of their own"));
        }
        return findings;
    }
}
