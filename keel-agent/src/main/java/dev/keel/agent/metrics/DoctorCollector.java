package dev.keel.agent.metrics;

import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The last doctor run, as the agent hands it over: findings by check and severity, with a zero for every check and
 * severity that found nothing, so an alert on {@code keel_doctor_findings{severity="critical"} > 0} resolves when the
 * finding goes rather than going absent; and which checks could not run.
 */
final class DoctorCollector implements MultiCollector {
    private volatile Recorded last;

    private record Recorded(DoctorReport report, Instant at) {}

    void record(DoctorReport report, Instant at) {
        last = new Recorded(report, at);
    }

    @Override
    public MetricSnapshots collect() {
        Recorded recorded = last;
        if (recorded == null) {
            return new MetricSnapshots(List.of());
        }
        try {
            return new MetricSnapshots(Family.snapshots(families(recorded.report(), recorded.at())));
        } catch (RuntimeException e) {
            // a report keel cannot render must not take /metrics down with it
            return new MetricSnapshots(List.of());
        }
    }

    static List<Family> families(DoctorReport report, Instant at) {
        Family findings =
                Family.gauge("keel_doctor_findings", "Findings of the last doctor run, by check and severity");
        Set<String> checks = new LinkedHashSet<>(report.checks());
        report.findings().forEach(f -> checks.add(f.check()));
        for (String check : checks) {
            for (DoctorSeverity severity : DoctorSeverity.values()) {
                long n = report.findings().stream()
                        .filter(f -> f.check().equals(check) && f.severity() == severity)
                        .count();
                findings.add(Labels.of("check", check, "severity", severity.label()), n);
            }
        }
        Family ran = Family.gauge(
                "keel_doctor_check_ran",
                "1 when the check ran on the last doctor run, 0 when it could not (see keel doctor)");
        for (CheckResult result : report.results()) {
            ran.add(Labels.of("check", result.check()), result.ran() ? 1 : 0);
        }
        Family principal = Family.gauge(
                "keel_doctor_principal_score", "Impact score (0-100) of the principal constraint, by its check");
        DoctorFinding top = report.principal();
        if (top != null) {
            principal.add(
                    Labels.of("check", top.check(), "severity", top.severity().label()), top.score());
        }
        List<Family> out = new ArrayList<>(List.of(findings, ran, principal));
        out.add(Family.gauge("keel_doctor_last_run_timestamp_seconds", "When the last doctor run finished")
                .add(at.toEpochMilli() / 1000.0));
        return out;
    }
}
