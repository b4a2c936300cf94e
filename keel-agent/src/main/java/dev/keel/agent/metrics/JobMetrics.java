package dev.keel.agent.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The agent's jobs as Micrometer meters: {@code keel_job_duration_seconds} (a summary), {@code keel_job_failures_total},
 * {@code keel_job_last_success_timestamp_seconds} and {@code keel_job_last_failure_timestamp_seconds}, each by job. A
 * job's failure counter exists from its first run, so {@code increase()} sees its first failure.
 */
final class JobMetrics {
    private final MeterRegistry registry;
    private final Map<String, Meters> jobs = new ConcurrentHashMap<>();

    private record Meters(
            Timer duration, Counter failures, AtomicLong lastSuccessMillis, AtomicLong lastFailureMillis) {}

    JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void record(String job, Duration took, boolean succeeded, Instant finished) {
        Meters meters = jobs.computeIfAbsent(job, this::register);
        meters.duration().record(took);
        if (succeeded) {
            meters.lastSuccessMillis().set(finished.toEpochMilli());
        } else {
            meters.failures().increment();
            meters.lastFailureMillis().set(finished.toEpochMilli());
        }
    }

    private Meters register(String job) {
        Timer duration = Timer.builder("keel.job.duration")
                .description("How long the agent's job took, successful or not")
                .tag("job", job)
                .register(registry);
        Counter failures = Counter.builder("keel.job.failures")
                .description("Runs of the agent's job that failed")
                .tag("job", job)
                .register(registry);
        AtomicLong success = new AtomicLong(-1);
        AtomicLong failure = new AtomicLong(-1);
        // NaN until the first such outcome: a time of 0 would read as "last succeeded in 1970".
        Gauge.builder("keel.job.last.success.timestamp.seconds", success, JobMetrics::seconds)
                .description("When the agent's job last succeeded")
                .tag("job", job)
                .register(registry);
        Gauge.builder("keel.job.last.failure.timestamp.seconds", failure, JobMetrics::seconds)
                .description("When the agent's job last failed")
                .tag("job", job)
                .register(registry);
        return new Meters(duration, failures, success, failure);
    }

    private static double seconds(AtomicLong millis) {
        long value = millis.get();
        return value < 0 ? Double.NaN : value / 1000.0;
    }
}
