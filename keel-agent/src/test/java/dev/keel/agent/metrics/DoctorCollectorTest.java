package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.CheckResult;
import dev.keel.doctor.DoctorFinding;
import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorSeverity;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DoctorCollectorTest {
    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    static DoctorFinding finding(String check, DoctorSeverity severity, double score) {
        return new DoctorFinding(
                check, severity, "summary", Map.of("figure", 1), score, "impact", "docs/runbooks/x.md");
    }

    static ScrapeText scrape(DoctorReport report) {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        DoctorCollector collector = new DoctorCollector();
        registry.getPrometheusRegistry().register(collector);
        collector.record(report, AT);
        return ScrapeText.of(registry.scrape());
    }

    @Test
    void findingsAreCountedByCheckAndSeverityWithZerosForTheRest() {
        DoctorReport report = DoctorReport.of(
                List.of(
                        finding("blocking-chains", DoctorSeverity.CRITICAL, 90),
                        finding("dead-tuples", DoctorSeverity.WARNING, 20),
                        finding("dead-tuples", DoctorSeverity.WARNING, 10)),
                List.of(
                        CheckResult.ran("blocking-chains", 1),
                        CheckResult.ran("dead-tuples", 2),
                        CheckResult.notRun("slowest-statements", "pg_stat_statements is missing", "create extension")),
                null);

        ScrapeText scrape = scrape(report);

        assertThat(scrape.value("keel_doctor_findings{check=\"blocking-chains\",severity=\"critical\"}"))
                .hasValue(1);
        assertThat(scrape.value("keel_doctor_findings{check=\"dead-tuples\",severity=\"warning\"}"))
                .hasValue(2);
        assertThat(scrape.value("keel_doctor_findings{check=\"dead-tuples\",severity=\"critical\"}"))
                .hasValue(0);
        assertThat(scrape.value("keel_doctor_check_ran{check=\"slowest-statements\"}"))
                .hasValue(0);
        assertThat(scrape.value("keel_doctor_check_ran{check=\"blocking-chains\"}"))
                .hasValue(1);
        assertThat(scrape.value("keel_doctor_principal_score{check=\"blocking-chains\",severity=\"critical\"}"))
                .hasValue(90);
        assertThat(scrape.value("keel_doctor_last_run_timestamp_seconds")).hasValue(AT.getEpochSecond());
    }

    @Test
    void aFindingThatGoesAwayReadsZeroRatherThanVanishing() {
        DoctorCollector collector = new DoctorCollector();
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.getPrometheusRegistry().register(collector);
        collector.record(
                DoctorReport.of(
                        List.of(finding("blocking-chains", DoctorSeverity.CRITICAL, 90)), List.of("blocking-chains")),
                AT);
        collector.record(DoctorReport.of(List.of(), List.of("blocking-chains")), AT.plusSeconds(60));

        ScrapeText scrape = ScrapeText.of(registry.scrape());

        assertThat(scrape.value("keel_doctor_findings{check=\"blocking-chains\",severity=\"critical\"}"))
                .hasValue(0);
        assertThat(scrape.named("keel_doctor_principal_score")).isEmpty();
    }

    @Test
    void beforeTheFirstRunThereIsNothing() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        registry.getPrometheusRegistry().register(new DoctorCollector());

        assertThat(ScrapeText.of(registry.scrape()).named("keel_doctor_findings"))
                .isEmpty();
    }
}
