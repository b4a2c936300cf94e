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
 * A set's retention not applied: partitions past it still attached, or detached ones past their grace period not yet
 * dropped. The data kept beyond its retention costs space, vacuum and backup time, and may break a deletion promise.
 */
public record PartitionRetention(Clock clock) implements DoctorCheck {
    public static final String ID = "partition-retention";

    public PartitionRetention() {
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
            List<String> detach = names(f, PartitionStep.Kind.DETACH);
            List<String> drop = names(f, PartitionStep.Kind.DROP);
            if (detach.isEmpty() && drop.isEmpty()) {
                continue;
            }
            Map<String, Object> evidence = new LinkedHashMap<>();
            evidence.put("set", f.set().qualifiedName());
            evidence.put("retention", f.set().retention());
            evidence.put("pastRetention", detach);
            evidence.put("pastGrace", drop);
            int overdue = detach.size() + drop.size();
            findings.add(finding(
                    overdue > 1 ? DoctorSeverity.WARNING : DoctorSeverity.INFO,
                    Impact.between(overdue, 0, 12),
                    f.set().qualifiedName() + ": "
                            + (detach.isEmpty()
                                    ? ""
                                    : detach.size() + " partition"
                                            + (detach.size() == 1 ? "" : "s") + " past the retention of "
                                            + f.set().retention()
                                            + " still attached")
                            + (!detach.isEmpty() && !drop.isEmpty() ? ", " : "")
                            + (drop.isEmpty() ? "" : drop.size() + " detached past the grace period not dropped"),
                    evidence,
                    "data kept past its retention takes space, vacuum and backup time; keel partitions maintain"
                            + " applies retention (keel up runs it hourly)"));
        }
        return findings;
    }

    private static List<String> names(PartitionFacts f, PartitionStep.Kind kind) {
        return f.plan().steps().stream()
                .filter(s -> s.kind() == kind)
                .map(PartitionStep::partition)
                .toList();
    }
}
