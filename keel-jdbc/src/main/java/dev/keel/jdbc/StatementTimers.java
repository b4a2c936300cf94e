package dev.keel.jdbc;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;

/**
 * Times every statement into a Micrometer timer named {@value #METER}, tagged with the statement's
 * normalized shape ({@code sql}), its {@code outcome} (success or error), the data source's name and,
 * when asked for, the calling method. The timers are kept by shape here, so the hot path is one map
 * look-up by the SQL string the application passed, not a registry look-up.
 */
final class StatementTimers implements QueryExecutionListener {
    static final String METER = "keel.jdbc.statement";
    /** Shapes past this many share one timer tagged "other", so a generator of dynamic SQL cannot flood the registry. */
    static final String OTHER = "other";

    private final MeterRegistry registry;
    private final String dataSourceName;
    private final StatementShapes shapes;
    private final int maxShapes;
    private final boolean tagCallers;
    private final SlowStatementLog slowLog;
    private final ConcurrentHashMap<String, Timer> timers = new ConcurrentHashMap<>();

    StatementTimers(MeterRegistry registry, String dataSourceName, int maxShapes, boolean tagCallers, SlowStatementLog slowLog) {
        this.registry = registry;
        this.dataSourceName = dataSourceName;
        this.shapes = new StatementShapes(maxShapes * 4);
        this.maxShapes = maxShapes;
        this.tagCallers = tagCallers;
        this.slowLog = slowLog;
    }

    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        // Timing is taken by the proxy's stopwatch around the call; nothing to do before it.
    }

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
        if (queries.isEmpty()) {
            return;
        }
        long nanos = execution.getElapsedTime();
        boolean success = execution.isSuccess();
        String caller = tagCallers ? CallerLookup.caller() : null;
        // A JDBC batch of different statements is timed as a whole: each gets an equal part.
        long share = nanos / queries.size();
        for (QueryInfo query : queries) {
            String shape = shapes.of(query.getQuery());
            timer(shape, success, caller).record(share, TimeUnit.NANOSECONDS);
            if (slowLog != null && slowLog.isSlow(share)) {
                slowLog.log(share, shape, caller, query.getQueryArgsList());
            }
        }
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
