package dev.keel.bench.jmh;

import dev.keel.jdbc.routing.RoutingDataSource;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;

/**
 * What routing one read costs in the router itself, with no database: a read-only unit of work
 * (connection, read-only, prepare, bind, execute, close) on a stub replica directly, and through a
 * {@link RoutingDataSource} that sends it to that replica. The router does its whole per-read work:
 * the lazy connection, the consistency key, the positions lookup, the replica choice, the counters,
 * the statement that may be retried on the primary; its poller runs meanwhile against the stubs.
 *
 * <pre>java -jar bench/jmh/target/keel-jdbc-jmh.jar RoutedReadOverhead -prof gc</pre>
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.NANOSECONDS)
@Warmup(iterations = 5, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(2)
public class RoutedReadOverhead {
    private DataSource replica;
    private RoutingDataSource routing;
    private long id;

    @Setup
    public void open() throws InterruptedException {
        replica = new StubDataSource();
        routing = RoutingDataSource.builder()
                .primary(new StubDataSource())
                .replica("replica", replica)
                .meterRegistry(new SimpleMeterRegistry())
                .build();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (!routing.replicaStatus().get(0).up()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("the stub replica never came up in the router's poller");
            }
            Thread.sleep(5);
        }
    }

    @TearDown
    public void close() {
        routing.close();
    }

    @Benchmark
    public ResultSet readDirect() throws SQLException {
        return read(replica);
    }

    @Benchmark
    public ResultSet readRouted() throws SQLException {
        return read(routing);
    }

    private ResultSet read(DataSource ds) throws SQLException {
        try (Connection c = ds.getConnection()) {
            c.setReadOnly(true);
            try (PreparedStatement ps = c.prepareStatement(StatementOverhead.QUERY)) {
                ps.setLong(1, ++id);
                return ps.executeQuery();
            }
        }
    }
}
