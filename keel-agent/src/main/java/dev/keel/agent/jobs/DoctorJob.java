package dev.keel.agent.jobs;

import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.insight.Insight;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;

/** keel doctor on schedule. Findings are what it reports, not a failure of the job: the job fails only when it cannot look. */
public final class DoctorJob implements Job {
    private final Insight insight;
    private final Consumer<DoctorReport> reports;

    public DoctorJob(Insight insight) {
        this(insight, report -> {});
    }

    /** @param reports told each report, e.g. keel up's alerts */
    public DoctorJob(Insight insight, Consumer<DoctorReport> reports) {
        this.insight = insight;
        this.reports = reports;
    }

    @Override
    public JobName name() {
        return JobName.DOCTOR;
    }

    @Override
    public JobResult run() {
        DoctorReport report = insight.doctor();
        reports.accept(report);
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
