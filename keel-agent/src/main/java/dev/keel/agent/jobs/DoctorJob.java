package dev.keel.agent.jobs;

import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.insight.Insight;
import java.util.LinkedHashMap;
import java.util.Map;

/** keel doctor on schedule. Findings are what it reports, not a failure of the job: the job fails only when it cannot look. */
public final class DoctorJob implements Job {
    private final Insight insight;

    public DoctorJob(Insight insight) {
        this.insight = insight;
    }

    @Override
    public JobName name() {
        return JobName.DOCTOR;
    }

    @Override
    public JobResult run() {
        DoctorReport report = insight.doctor();
        Map<String, Object> figures = new LinkedHashMap<>();
        figures.put("findings", report.findings().size());
        figures.put("critical", report.of(DoctorSeverity.CRITICAL).size());
        figures.put("notRun", report.notRun().size());
        if (report.principal() != null) {
            figures.put("principal", report.principal().check());
        }
        return JobResult.ok(figures);
    }
}
