package dev.keel.agent.alert;

import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Doctor findings and reports as the checks make them, for the tests. */
final class Findings {
    static final List<String> CHECKS = List.of("wraparound-age", "invalid-indexes", "table-bloat", "backup-targets");

    private Findings() {}

    static DoctorFinding wraparound(long age) {
        return new DoctorFinding(
                "wraparound-age",
                DoctorSeverity.CRITICAL,
                "database shop has used " + age + " of its transaction IDs",
                ordered("database", "shop", "age", age),
                90,
                "writes stop when it reaches the limit",
                DoctorFinding.runbookOf("wraparound-age"));
    }

    static DoctorFinding invalidIndex(String index) {
        return new DoctorFinding(
                "invalid-indexes",
                DoctorSeverity.WARNING,
                "index " + index + " is INVALID",
                ordered("index", index, "table", "users"),
                50,
                "it slows every write",
                DoctorFinding.runbookOf("invalid-indexes"));
    }

    /** Evidence in the order written, as the checks keep it. */
    static Map<String, Object> ordered(Object... namesAndValues) {
        Map<String, Object> evidence = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            evidence.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return evidence;
    }

    static DoctorReport report(DoctorFinding... findings) {
        return DoctorReport.of(List.of(findings), CHECKS);
    }
}
