package dev.keel.doctor;

import java.sql.SQLException;
import java.util.List;
import java.util.Map;

/**
 * One health check. A check reads, never writes (except through keel's own statistics snapshots),
 * and returns no finding when all is well. It may throw: the {@link Doctor} reports a failure as the
 * check not run, so one broken check never hides the others and is never taken for a pass.
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

    /**
     * What this check reads that a role sees only for its own sessions or statements without
     * pg_read_all_stats (e.g. "every session's state and locks in pg_stat_activity"); null when it reads
     * nothing of the kind. Such a check does not run for a role that lacks it: it would see a calm
     * database where there is none.
     */
    default String readsAllRolesStatistics() {
        return null;
    }

    default String runbook() {
        return DoctorFinding.runbookOf(id());
    }

    /** A finding of this check, with its runbook. */
    default DoctorFinding finding(
            DoctorSeverity severity, double closeness, String summary, Map<String, Object> evidence, String impact) {
        return new DoctorFinding(
                id(), severity, summary, evidence, Impact.score(severity, closeness), impact, runbook());
    }
}
