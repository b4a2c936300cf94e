package dev.keel.jdbc;

import java.util.List;
import java.util.Map;
import java.util.StringJoiner;
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

    void log(long nanos, String shape, String caller, List<Map<String, Object>> parameterSets) {
        sink.accept(message(nanos, shape, caller, parameterSets));
    }

    static String message(long nanos, String shape, String caller, List<Map<String, Object>> parameterSets) {
        StringBuilder m = new StringBuilder("slow statement (").append(TimeUnit.NANOSECONDS.toMillis(nanos)).append(" ms");
        if (caller != null) {
            m.append(", from ").append(caller);
        }
        m.append("): ").append(shape);
        if (!parameterSets.isEmpty() && !parameterSets.get(0).isEmpty()) {
            m.append(" parameters ").append(masked(parameterSets.get(0)));
            if (parameterSets.size() > 1) {
                m.append(" (first of ").append(parameterSets.size()).append(" sets)");
            }
        }
        return m.toString();
    }

    /** {1=Long, 2=String} → "[$1 Long, $2 String]", values left out. */
    static String masked(Map<String, Object> parameters) {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        parameters.entrySet().stream()
                .sorted((a, b) -> compareKeys(a.getKey(), b.getKey()))
                .forEach(e -> j.add("$" + e.getKey() + " " + (e.getValue() == null ? "null" : e.getValue().getClass().getSimpleName())));
        return j.toString();
    }

    private static int compareKeys(String a, String b) {
        try {
            return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        } catch (NumberFormatException e) {
            return a.compareTo(b);
        }
    }
}
