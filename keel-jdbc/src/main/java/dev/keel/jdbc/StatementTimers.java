package dev.keel.jdbc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * Times every statement into a Micrometer timer named {@value #METER}, tagged with the statement's
 * normalized shape ({@code sql}), its {@code outcome} (success or error), the data source's name and,
 * when asked for, the calling method. Without caller tags the hot path is one map look-up by the SQL
 * string the application passed ({@link StatementCache}) and the timer's own record: no string is
 * built, no tag list made, nothing allocated.
 */
final class StatementTimers {
    static final String METER = "keel.jdbc.statement";
    /** Shapes past this many share one timer tagged "other", so a generator of dynamic SQL cannot flood the registry. */
    static final String OTHER = "other";

    private final MeterRegistry registry;
    private final String dataSourceName;
    private final StatementCache statements;
    private final int maxShapes;
    private final boolean tagCallers;
    private final SlowStatementLog slowLog;
    /** Every timer made, by outcome, caller and shape: what bounds the registry, touched on first use only. */
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    StatementTimers(
            MeterRegistry registry,
            String dataSourceName,
            int maxShapes,
            boolean tagCallers,
            SlowStatementLog slowLog) {
        this.registry = registry;
        this.dataSourceName = dataSourceName;
        this.statements = new StatementCache(maxShapes * 4);
        this.maxShapes = maxShapes;
        this.tagCallers = tagCallers;
        this.slowLog = slowLog;
    }

    /** Whether statements should remember their parameters' types: only the slow log shows them. */
    boolean wantsParameterTypes() {
        return slowLog != null;
    }

    /**
     * One execution of {@code sql} took {@code nanos}. {@code parameters} (may be null) are the types
     * bound to it, {@code sets} how many parameter sets a batch ran (1 for a single execution).
     */
    void record(String sql, long nanos, boolean success, ParameterTypes parameters, int sets) {
        CachedStatement statement = statements.of(sql);
        String caller = tagCallers ? CallerLookup.caller() : null;
        timer(statement, success, caller).record(nanos, TimeUnit.NANOSECONDS);
        if (slowLog != null && slowLog.isSlow(nanos)) {
            slowLog.log(nanos, statement.shape(), caller, parameters, sets);
        }
    }

    /** A Statement's batch of different texts ran as one call in {@code nanos}: each gets an equal part. */
    void recordBatch(List<String> sqls, long nanos, boolean success) {
        if (sqls.isEmpty()) {
            return;
        }
        String caller = tagCallers ? CallerLookup.caller() : null;
        long share = nanos / sqls.size();
        for (String sql : sqls) {
            CachedStatement statement = statements.of(sql);
            timer(statement, success, caller).record(share, TimeUnit.NANOSECONDS);
            if (slowLog != null && slowLog.isSlow(share)) {
                slowLog.log(share, statement.shape(), caller, null, 1);
            }
        }
    }

    private Timer timer(CachedStatement statement, boolean success, String caller) {
        if (caller != null) {
            // The stack walk that found the caller costs microseconds: a key string here is noise.
            return timer(statement.shape(), success, caller);
        }
        Timer timer = statement.timer(success);
        if (timer == null) {
            timer = timer(statement.shape(), success, null);
            statement.remember(success, timer);
        }
        return timer;
    }

    private Timer timer(String shape, boolean success, String caller) {
        String key = caller == null ? (success ? "s" : "e") + shape : (success ? "s" : "e") + caller + '\0' + shape;
        Timer timer = timers.get(key);
        if (timer != null) {
            return timer;
        }
        String tagged = timers.size() < maxShapes * 2 ? shape : OTHER;
        Timer.Builder builder = Timer.builder(METER)
                .description("JDBC statements by normalized SQL")
                .tag("sql", tagged)
                .tag("outcome", success ? "success" : "error")
                .tag("datasource", dataSourceName);
        if (caller != null) {
            builder.tag("caller", caller);
        }
        Timer created = builder.register(registry);
        return tagged.equals(OTHER) ? created : timers.computeIfAbsent(key, k -> created);
    }
}
