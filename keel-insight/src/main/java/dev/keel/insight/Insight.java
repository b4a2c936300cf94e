package dev.keel.insight;

import dev.keel.advise.AdviseOptions;
import dev.keel.advise.IndexAdvice;
import dev.keel.advise.IndexAdvisor;
import dev.keel.config.KeelYaml;
import dev.keel.connect.ConnectionSource;
import dev.keel.doctor.Doctor;
import dev.keel.doctor.DoctorReport;
import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.stats.LiteralSamples;
import dev.keel.stats.RankBy;
import dev.keel.stats.Ranking;
import dev.keel.stats.Snapshot;
import dev.keel.stats.StatementSnapshots;
import dev.keel.stats.Top;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.Map;
import java.util.function.Function;

/**
 * Statement statistics, index advice and the doctor from Java, configured from keel.yaml as the command line is. Each
 * method does what its {@code keel} command does and returns the record that command prints with {@code --json}.
 * <pre>{@code
 * Insight insight = Insight.configure().dataSource(dataSource).load();
 * insight.snapshot();                                   // hourly, so top() has a window to compare
 * Ranking ranking = insight.top(Duration.ofHours(1), RankBy.TOTAL, 10);
 * DoctorReport report = insight.doctor();
 * }</pre>
 */
public final class Insight {
    /** keel top's defaults: the last hour, by total time, ten statements. */
    public static final Duration DEFAULT_TOP_WINDOW = Duration.ofHours(1);

    public static final int DEFAULT_TOP_LIMIT = 10;

    private final KeelYaml config;
    private final Map<String, String> env;
    private final ConnectionSource source;
    private final String schema;

    Insight(KeelYaml config, Map<String, String> env, ConnectionSource source, String schema) {
        this.config = config;
        this.env = Map.copyOf(env);
        this.source = source;
        this.schema = schema;
    }

    public static InsightConfiguration configure() {
        return new InsightConfiguration();
    }

    /** {@code keel stats snapshot}: stores the statement, table and index counters in keel's schema. */
    public Snapshot snapshot() {
        return withConnection(c -> new StatementSnapshots(schema).take(c));
    }

    /** {@code keel stats snapshot --observe}'s first part: watches the running statements and stores the values they use. */
    public LiteralSamples.Observation observe(Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new KeelException(
                    InsightError.OPTION_INVALID,
                    "the observation time must be positive, not " + duration,
                    "pass e.g. Duration.ofSeconds(30)");
        }
        return withConnection(c -> new LiteralSamples(schema).observe(c, duration, LiteralSamples.DEFAULT_INTERVAL));
    }

    /** {@code keel stats prune --keep}: deletes the snapshots older than {@code keep}. */
    public SnapshotPruneResult pruneSnapshots(Duration keep) {
        OffsetDateTime before = OffsetDateTime.now().minus(keep);
        return new SnapshotPruneResult(withConnection(c -> new StatementSnapshots(schema).prune(c, before)), before);
    }

    /** {@code keel top}: the ten statements with the most total time in the last hour. */
    public Ranking top() {
        return top(DEFAULT_TOP_WINDOW, RankBy.TOTAL, DEFAULT_TOP_LIMIT);
    }

    /** {@code keel top --since --by --limit}: takes a snapshot now and compares it with the newest one at least {@code since} old. */
    public Ranking top(Duration since, RankBy by, int limit) {
        if (limit < 1) {
            throw new KeelException(
                    InsightError.OPTION_INVALID, "the limit must be at least 1, not " + limit, "pass 1 or more");
        }
        return Top.run(database(), schema, since, by, limit);
    }

    /**
     * {@code keel advise indexes}'s defaults: seven days, the ten costliest statements, at least twice cheaper, and
     * keel.yaml's advise.unusedAfter; change them with its withers.
     */
    public AdviseOptions adviseOptions() {
        return AdviseOptions.defaults(schema).withUnusedAfter(config.get(InsightSection.UNUSED_AFTER));
    }

    /** {@code keel advise indexes} with its defaults. */
    public IndexAdvice adviseIndexes() {
        return adviseIndexes(adviseOptions());
    }

    public IndexAdvice adviseIndexes(AdviseOptions options) {
        return withConnection(c -> IndexAdvisor.advise(c, options));
    }

    /** {@code keel doctor}: every check the modules on the class path contribute, with keel.yaml's thresholds. */
    public DoctorReport doctor() {
        return Doctor.forProject(config, env).run(database());
    }

    private <T> T withConnection(Function<Connection, T> work) {
        ConnectionSource db = database();
        try (Connection c = db.open()) {
            return work.apply(c);
        } catch (SQLException e) {
            throw new KeelException(
                    InsightError.QUERY_FAILED,
                    "closing the connection to " + db.describe() + " failed: " + e.getMessage(),
                    "retry",
                    e);
        }
    }

    private ConnectionSource database() {
        if (source == null) {
            throw new KeelException(
                    CoreError.SETUP_INVALID,
                    "no database is configured for keel's insight",
                    "call url(...), dataSource(...) or connections(...) before load(), or set database.url in keel.yaml");
        }
        return source;
    }
}
