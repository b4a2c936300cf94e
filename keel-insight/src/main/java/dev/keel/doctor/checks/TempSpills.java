package dev.keel.doctor.checks;

import dev.keel.config.ByteSizes;
import dev.keel.doctor.DoctorCheck;
import dev.keel.doctor.DoctorContext;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.doctor.Impact;
import java.sql.SQLException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sorts, hashes and materializations that outgrew work_mem and spilled to temporary files. Each
 * spill turns an in-memory step into disk writes and reads.
 *
 * @param infoBytesPerDay temporary bytes written per day that are worth saying
 * @param warningBytesPerDay … and that make a warning
 */
public record TempSpills(long infoBytesPerDay, long warningBytesPerDay) implements DoctorCheck {
    public static final String ID = "temp-spills";

    public TempSpills() {
        this(1L << 30, 50L << 30);
    }

    @Override
    public String id() {
        return ID;
    }

    @Override
    public List<DoctorFinding> run(DoctorContext context) throws SQLException {
        Rows.Row r = Rows.query(context.connection(), "temp-spills.sql").get(0);
        long bytes = r.whole("temp_bytes");
        // A window shorter than a day would extrapolate one big report into a daily habit: count at least a day.
        double days = Math.max(1, r.decimal("counting_seconds") / 86_400);
        double perDay = bytes / days;
        if (bytes == 0 || perDay < infoBytesPerDay) {
            return List.of();
        }
        DoctorSeverity severity = perDay >= warningBytesPerDay ? DoctorSeverity.WARNING : DoctorSeverity.INFO;
        double closeness = severity == DoctorSeverity.WARNING
                ? Impact.between(perDay, warningBytesPerDay, 10.0 * warningBytesPerDay)
                : Impact.between(perDay, infoBytesPerDay, warningBytesPerDay);
        Map<String, Object> evidence = new LinkedHashMap<>();
        evidence.put("database", r.text("database"));
        evidence.put("tempFiles", r.whole("temp_files"));
        evidence.put("tempBytes", bytes);
        evidence.put("bytesPerDay", (long) perDay);
        evidence.put("workMem", r.text("work_mem"));
        evidence.put("since", r.text("counting_since"));
        String summary =
                r.whole("temp_files") + " temporary files, " + ByteSizes.human(bytes) + " (" + ByteSizes.human(perDay)
                        + " a day), spilled to disk in " + r.text("database") + " with work_mem " + r.text("work_mem");
        String impact =
                "queries that spill run at disk speed; find them with keel top --json (tempBlocks) and raise work_mem for them"
                        + " (SET LOCAL work_mem) or give them an index that avoids the sort";
        return List.of(finding(severity, closeness, summary, evidence, impact));
    }
}
