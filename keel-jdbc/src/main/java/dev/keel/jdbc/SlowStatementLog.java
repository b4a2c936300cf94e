package dev.keel.jdbc;

import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs statements slower than a threshold with the types of their parameters but never their
 * values: a slow-query log must not become a copy of customers' e-mail addresses and tokens.
 */
final class SlowStatementLog {
    private static final Logger LOG = LoggerFactory.getLogger("dev.keel.jdbc.slow");

    private final long thresholdNanos;
    private final Consumer<String> sink;

    SlowStatementLog(long thresholdNanos) {
        this(thresholdNanos, message -> LOG.warn(message));
    }

    SlowStatementLog(long thresholdNanos, Consumer<String> sink) {
        this.thresholdNanos = thresholdNanos;
        this.sink = sink;
    }

    boolean isSlow(long nanos) {
        return nanos >= thresholdNanos;
    }

    /** {@code parameters} null or empty for a statement without them; {@code sets} above 1 for a batch. */
    void log(long nanos, String shape, String caller, ParameterTypes parameters, int sets) {
        sink.accept(message(nanos, shape, caller, parameters, sets));
    }

    static String message(long nanos, String shape, String caller, ParameterTypes parameters, int sets) {
        StringBuilder m = new StringBuilder("slow statement (")
                .append(TimeUnit.NANOSECONDS.toMillis(nanos))
                .append(" ms");
        if (caller != null) {
            m.append(", from ").append(caller);
        }
        m.append("): ").append(shape);
        if (parameters != null && !parameters.isEmpty()) {
            m.append(" parameters ").append(parameters.masked());
            if (sets > 1) {
                m.append(" (first of ").append(sets).append(" sets)");
            }
        }
        return m.toString();
    }
}
