package dev.keel.agent.jobs;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * keel_job_duration_seconds (by job and outcome), keel_job_failures_total and keel_job_last_success_timestamp_seconds
 * (absent until a job's first known success), so an alert rule can say "no backup for 8 days".
 */
public final class JobMetrics {
    private final MeterRegistry registry;
    private final Map<JobName, AtomicReference<Instant>> lastSuccess = new ConcurrentHashMap<>();

    public JobMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    public void record(JobName job, RunRecord run) {
        Duration took = Duration.between(run.started(), run.finished());
        Timer.builder("keel.job.duration")
                .description("how long keel up's job runs took")
                .tags("job", job.key(), "outcome", run.outcome().text())
                .register(registry)
                .record(took);
        Counter failures = failures(job);
        if (run.outcome() == Outcome.OK) {
            succeeded(job, run.finished());
        } else {
            failures.increment();
        }
    }

    /** A success known from agent_runs, for an agent that just started leading. */
    public void succeeded(JobName job, Instant when) {
        lastSuccess
                .computeIfAbsent(job, j -> {
                    AtomicReference<Instant> ref = new AtomicReference<>(when);
                    Gauge.builder(
                                    "keel.job.last.success.timestamp",
                                    ref,
                                    r -> r.get().toEpochMilli() / 1000.0)
                            .description("when keel up's job last ended well, as a Unix time")
                            .baseUnit("seconds")
                            .tag("job", j.key())
                            .register(registry);
                    return ref;
                })
                .accumulateAndGet(when, (a, b) -> a.isAfter(b) ? a : b);
    }

    /** Registered for every job that runs, so the counter shows 0 before the first failure. */
    public Counter failures(JobName job) {
        return Counter.builder("keel.job.failures")
                .description("keel up's job runs that failed or were interrupted")
                .tag("job", job.key())
                .register(registry);
    }
}
