package dev.keel.spring.actuate;

import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;

/**
 * Down while the doctor's cheap checks (see {@link HealthDoctor}) find something critical: a blocking chain, a
 * transaction holding back vacuum, connections nearly exhausted, wraparound close. Warnings and checks that could not
 * run are details, not a reason to take the instance out of service.
 */
public class KeelHealthIndicator extends AbstractHealthIndicator {
    private final CachedDoctor doctor;

    KeelHealthIndicator(CachedDoctor doctor) {
        super("Keel's doctor failed");
        this.doctor = doctor;
    }

    @Override
    protected void doHealthCheck(Health.Builder builder) {
        DoctorReport report = doctor.report();
        List<DoctorFinding> critical =
                report.findings().stream().filter(DoctorFinding::critical).toList();
        if (critical.isEmpty()) {
            builder.up();
        } else {
            builder.down();
        }
        builder.withDetail("checkedAt", doctor.ranAt().toString());
        builder.withDetail(
                "critical", critical.stream().map(KeelHealthIndicator::finding).toList());
        builder.withDetail(
                "warnings",
                report.findings().stream()
                        .filter(f -> !f.critical())
                        .map(DoctorFinding::summary)
                        .toList());
        List<String> notRun =
                report.notRun().stream().map(r -> r.check() + ": " + r.reason()).toList();
        if (!notRun.isEmpty()) {
            builder.withDetail("notRun", notRun);
        }
        builder.withDetail(
                "checks", report.results().stream().map(CheckResult::check).toList());
    }

    private static Map<String, Object> finding(DoctorFinding finding) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("check", finding.check());
        detail.put("summary", finding.summary());
        detail.put("impact", finding.impact());
        detail.put("runbook", finding.runbook());
        return detail;
    }
}
