package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JobMetricsTest {
    private static final Instant START = Instant.parse("2026-12-03T10:00:00Z");
    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final JobMetrics metrics = new JobMetrics(registry);

    @Test
    void runsShowAsDurationsFailuresAndTheLastSuccess() {
        metrics.failures(JobName.DOCTOR);
        metrics.record(
                JobName.DOCTOR, new RunRecord("doctor", START, START.plusSeconds(2), Outcome.OK, Map.of(), null));
        metrics.record(
                JobName.DOCTOR, new RunRecord("doctor", START, START.plusSeconds(3), Outcome.FAILED, Map.of(), "x"));

        String scrape = registry.scrape();
        assertThat(scrape)
                .contains("keel_job_duration_seconds_count{job=\"doctor\",outcome=\"ok\"} 1")
                .contains("keel_job_duration_seconds_count{job=\"doctor\",outcome=\"failed\"} 1")
                .contains("keel_job_failures_total{job=\"doctor\"} 1.0")
                .contains("keel_job_last_success_timestamp_seconds{job=\"doctor\"} "
                        + (double) START.plusSeconds(2).getEpochSecond());
    }

    @Test
    void theLastSuccessOnlyMovesForward() {
        metrics.succeeded(JobName.FULL_BACKUP, START.plusSeconds(100));
        metrics.succeeded(JobName.FULL_BACKUP, START);

        assertThat(registry.scrape())
                .contains("keel_job_last_success_timestamp_seconds{job=\"fullBackup\"} "
                        + (double) START.plusSeconds(100).getEpochSecond());
    }

    @Test
    void aJobThatNeverFailedShowsZeroFailuresAndNoLastSuccess() {
        metrics.failures(JobName.SNAPSHOT);

        assertThat(registry.scrape())
                .contains("keel_job_failures_total{job=\"snapshot\"} 0.0")
                .doesNotContain("keel_job_last_success_timestamp_seconds{job=\"snapshot\"}");
    }
}
