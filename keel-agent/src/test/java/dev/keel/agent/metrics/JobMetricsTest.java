package dev.keel.agent.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class JobMetricsTest {
    static final Instant AT = Instant.parse("2026-12-03T10:00:00Z");

    @Test
    void durationsFailuresAndLastSuccessAreKeptByJob() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        JobMetrics jobs = new JobMetrics(registry);

        jobs.record("backup-full", Duration.ofSeconds(3), true, AT);
        jobs.record("backup-full", Duration.ofSeconds(1), false, AT.plusSeconds(60));
        jobs.record("doctor", Duration.ofMillis(250), true, AT.plusSeconds(5));

        ScrapeText scrape = ScrapeText.of(registry.scrape());
        assertThat(scrape.value("keel_job_duration_seconds_count{job=\"backup-full\"}"))
                .hasValue(2);
        assertThat(scrape.value("keel_job_duration_seconds_sum{job=\"backup-full\"}"))
                .hasValue(4);
        assertThat(scrape.value("keel_job_failures_total{job=\"backup-full\"}")).hasValue(1);
        assertThat(scrape.value("keel_job_failures_total{job=\"doctor\"}")).hasValue(0);
        assertThat(scrape.value("keel_job_last_success_timestamp_seconds{job=\"backup-full\"}"))
                .hasValue(AT.getEpochSecond());
        assertThat(scrape.value("keel_job_last_failure_timestamp_seconds{job=\"backup-full\"}"))
                .hasValue(AT.plusSeconds(60).getEpochSecond());
        assertThat(scrape.value("keel_job_last_failure_timestamp_seconds{job=\"doctor\"}")
                        .orElseThrow())
                .isNaN();
    }
}
