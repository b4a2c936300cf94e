package dev.keel.doctor;

import java.sql.SQLException;
import java.util.List;

/**
 * One health check. A check reads, never writes (except through keel's own statistics snapshots),
 * and returns no finding when all is well. It may throw: the {@link Doctor} turns a failure into an
 * info finding so one broken check never hides the others.
 */
public interface DoctorCheck {

    /** Stable id, also the name of its runbook page docs/runbooks/&lt;id&gt;.md. */
    String id();

    List<DoctorFinding> run(DoctorContext context) throws SQLException;

    /**
     * Why keel.yaml's doctor.thresholds may not configure this check, with where its settings live instead; null when
     * they may (its numeric record components are its thresholds).
     */
    default String thresholdsElsewhere() {
        return null;
    }

    default String runbook() {
        return DoctorFinding.runbookOf(id());
    }

    /** A finding of this check, with its runbook. */
    default DoctorFinding finding(Severity severity, double closeness, String summary, java.util.Map<String, Object> evidence, String impact) {
        return new DoctorFinding(id(), severity, summary, evidence, Impact.score(severity, closeness), impact, runbook());
    }
}
