package dev.keel.jdbc;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Wraps an application's DataSource so that every statement is timed, grouped by its normalized SQL,
 * and published as Micrometer timers; optionally tagged with the calling method, and logged when
 * slower than a threshold with its parameter values masked. The returned DataSource closes the
 * wrapped one when it is closed (if that one can be closed, as a pool can).
 *
 * <pre>{@code
 * DataSource ds = KeelDataSource.wrap(hikari, meterRegistry);
 * DataSource ds = KeelDataSource.builder(hikari)
 *         .meterRegistry(meterRegistry)
 *         .name("orders-db")
 *         .slowStatementThreshold(Duration.ofMillis(200))
 *         .tagCallers(true)
 *         .build();
 * }</pre>
 */
public final class KeelDataSource {

    private KeelDataSource() {}

    /** Times every statement of {@code target} into {@code registry}; no caller tags, no slow log. */
    public static DataSource wrap(DataSource target, MeterRegistry registry) {
        return builder(target).meterRegistry(registry).build();
    }

    public static Builder builder(DataSource target) {
        return new Builder(target);
    }

    public static final class Builder {
        private final DataSource target;
        private MeterRegistry registry;
        private String name = "default";
        private Duration slowThreshold;
        private boolean tagCallers;
        private int maxStatements = 1000;
        private Consumer<String> slowSink;

        private Builder(DataSource target) {
            this.target = Objects.requireNonNull(target, "target DataSource");
        }

        /** Required: where the timers go. */
        public Builder meterRegistry(MeterRegistry registry) {
            this.registry = Objects.requireNonNull(registry, "meterRegistry");
            return this;
        }

        /** The {@code datasource} tag on every timer; default "default". */
        public Builder name(String name) {
            this.name = Objects.requireNonNull(name, "name");
            return this;
        }

        /** Log statements at least this slow (logger {@code dev.keel.jdbc.slow}, WARN); default: no log. */
        public Builder slowStatementThreshold(Duration threshold) {
            if (threshold.isNegative()) {
                throw new IllegalArgumentException("slowStatementThreshold must not be negative, got " + threshold);
            }
            this.slowThreshold = threshold;
            return this;
        }

        /** Tag timers with the application method that ran the statement; costs a stack walk per statement. Default off. */
        public Builder tagCallers(boolean tagCallers) {
            this.tagCallers = tagCallers;
            return this;
        }

        /** Distinct statement shapes with a timer of their own; the rest share sql="other". Default 1000. */
        public Builder maxStatements(int maxStatements) {
            if (maxStatements < 1) {
                throw new IllegalArgumentException("maxStatements must be at least 1, got " + maxStatements);
            }
            this.maxStatements = maxStatements;
            return this;
        }

        /** Where slow-statement lines go instead of the logger: for tests. */
        Builder slowStatementSink(Consumer<String> sink) {
            this.slowSink = sink;
            return this;
        }

        public DataSource build() {
            if (registry == null) {
                throw new IllegalStateException(
                        "KeelDataSource needs a MeterRegistry: call meterRegistry(…) before build()");
            }
            SlowStatementLog slowLog = slowThreshold == null
                    ? null
                    : slowSink == null
                            ? new SlowStatementLog(slowThreshold.toNanos())
                            : new SlowStatementLog(slowThreshold.toNanos(), slowSink);
            return new TimedDataSource(target, new StatementTimers(registry, name, maxStatements, tagCallers, slowLog));
        }
    }
}
