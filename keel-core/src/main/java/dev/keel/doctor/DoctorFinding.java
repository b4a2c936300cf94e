package dev.keel.doctor;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One thing the doctor found.
 *
 * @param check the id of the check that found it, e.g. {@code blocking-chains}
 * @param summary one sentence naming the object and the number that matter
 * @param evidence the figures behind the summary, in the order a reader needs them
 * @param score comparable across checks, 0–100; see {@link Impact}
 * @param impact one sentence saying what happens if nobody acts
 * @param runbook the page that says how to confirm and fix it, relative to the project root
 */
public record DoctorFinding(
        String check,
        DoctorSeverity severity,
        String summary,
        Map<String, Object> evidence,
        double score,
        String impact,
        String runbook) {

    public DoctorFinding {
        // Insertion order is the order a reader sees; null values (an unknown figure) are kept.
        evidence = Collections.unmodifiableMap(new LinkedHashMap<>(evidence));
    }

    public static String runbookOf(String check) {
        return "docs/runbooks/" + check + ".md";
    }

    public boolean critical() {
        return severity == DoctorSeverity.CRITICAL;
    }
}
