package dev.keel.partition.doctor;

import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import dev.keel.partition.PartitionStep;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A range set with fewer partitions ready than its premake: maintenance has not run (or fails). When the partition for
 * the current rows is missing, writes go to the default partition, or fail where there is none.
 */
public record PartitionsAhead(Clock clock) implements DoctorCheck {
    public static final String ID = "partitions-ahead";

    public PartitionsAhead() {
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
            List<PartitionStep> missing = f.plan().steps().stream()
                    .filter(s -> s.kind() == PartitionStep.Kind.CREATE)
                    .toList();
            if (missing.isEmpty()) {
                continue;
            }
            int wanted = f.set().premake() + 1;
            boolean current = missing.size() == wanted;
            boolean noDefault = f.parent().defaultPartition() == null;
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("set", f.set().qualifiedName());
            evidence.put("premake", f.set().premake());
            evidence.put(
                    "missing", missing.stream().map(PartitionStep::partition).toList());
            evidence.put("defaultPartition", !noDefault);
            DoctorSeverity severity = current && noDefault
                    ? DoctorSeverity.CRITICAL
                    : current ? DoctorSeverity.WARNING : DoctorSeverity.INFO;
            String summary = f.set().qualifiedName() + " has " + (wanted - missing.size()) + " of the " + wanted
                    + " partitions it keeps ready (now and " + f.set().premake() + " ahead); "
                    + missing.get(0).partition() + " is missing";
            String impact = current
                    ? noDefault
                            ? "inserts of current rows fail: no partition takes them and there is no default partition"
                            : "current rows go to the default partition, where every query of their range reads them all"
                    : "when the next interval starts without its partition, its rows go to the default partition or"
                            + " fail; run keel partitions maintain (keel up runs it hourly)";
            findings.add(finding(severity, Impact.between(missing.size(), 0, wanted), summary, evidence, impact));
        }
        return findings;
    }
}
