package dev.keel.bench.jmh;

import dev.keel.jdbc.KeelDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What one statement costs in the wrapper itself, with no database: the statement an application
 * runs most (prepare, bind one parameter, execute, close) on a connection that does nothing
 * ({@link StubConnection}), raw, through keel's {@link KeelDataSource}, and through datasource-proxy
 * with no listener. The {@code query} benchmarks prepare a statement; the {@code literal} ones run a
 * plain Statement with the value written into the SQL, which keel must normalize (once per text).
 *
 * <pre>java -jar bench/jmh/target/keel-jdbc-jmh.jar StatementOverhead -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class StatementOverhead {
    static final String QUERY = "SELECT email FROM bench_users WHERE id = ?";
    static final String LITERAL = "SELECT email FROM bench_users WHERE id = 42";

    /** keel with its defaults, or with a slow-statement threshold set (and never reached). */
    @Param({"defaults", "slowLog"})
    public String keelConfig;

    private Connection raw;
    private Connection keel;
    private Connection proxy;
    private long id;

    @Setup
    public void open() throws SQLException {
        StubDataSource target = new StubDataSource();
        KeelDataSource.Builder builder = KeelDataSource.builder(target).meterRegistry(new SimpleMeterRegistry());
        if (keelConfig.equals("slowLog")) {
            builder.slowStatementThreshold(Duration.ofSeconds(10));
        }
        raw = target.getConnection();
        keel = builder.build().getConnection();
        proxy = ProxyDataSourceBuilder.create(target).build().getConnection();
    }

    @TearDown
    public void close() throws SQLException {
        keel.close();
        proxy.close();
    }

    @Benchmark
    public ResultSet queryRaw() throws SQLException {
        return query(raw);
    }

    @Benchmark
    public ResultSet queryKeel() throws SQLException {
        return query(keel);
    }

    @Benchmark
    public ResultSet queryDatasourceProxy() throws SQLException {
        return query(proxy);
    }

    @Benchmark
    public ResultSet literalRaw() throws SQLException {
        return literal(raw);
    }

    @Benchmark
    public ResultSet literalKeel() throws SQLException {
        return literal(keel);
    }

    @Benchmark
    public ResultSet literalDatasourceProxy() throws SQLException {
        return literal(proxy);
    }

    private ResultSet query(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(QUERY)) {
            ps.setLong(1, ++id);
            return ps.executeQuery();
        }
    }

    private static ResultSet literal(Connection c) throws SQLException {
        try (Statement s = c.createStatement()) {
            return s.executeQuery(LITERAL);
        }
    }
}
