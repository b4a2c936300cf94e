package dev.keel.jdbc;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.io.Closeable;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.PGConnection;
import org.postgresql.PGStatement;
import org.postgresql.ds.PGSimpleDataSource;

@WithPostgres
class KeelDataSourceIT {
    private final TestCluster cluster;
    private PGSimpleDataSource raw;
    private SimpleMeterRegistry registry;

    KeelDataSourceIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void prepare() {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL)");
        cluster.execute(db, "INSERT INTO users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 100) g");
        raw = new PGSimpleDataSource();
        raw.setURL(cluster.jdbcUrl(db));
        raw.setUser(TestCluster.SUPERUSER);
        registry = new SimpleMeterRegistry();
    }

    @Test
    void statementsOfOneShapeShareATimer() throws SQLException {
        DataSource ds = KeelDataSource.wrap(raw, registry);
        try (Connection c = ds.getConnection()) {
            for (long id = 1; id <= 5; id++) {
                try (PreparedStatement ps = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
                    ps.setLong(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        assertThat(rs.next()).isTrue();
                    }
                }
            }
            try (Statement s = c.createStatement();
                    ResultSet rs = s.executeQuery("SELECT email FROM users WHERE id = 7")) {
                assertThat(rs.next()).isTrue();
            }
        }

        Timer timer = registry.find(StatementTimers.METER)
                .tag("sql", "SELECT email FROM users WHERE id = ?")
                .tag("outcome", "success")
                .timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(6);
        // Each took real time: nanosecond stopwatches, not the proxy's milliseconds that round to zero.
        assertThat(timer.totalTime(TimeUnit.NANOSECONDS)).isGreaterThan(0);
        assertThat(timer.getId().getTag("datasource")).isEqualTo("default");
    }

    @Test
    void failedStatementsCountAsErrors() throws SQLException {
        DataSource ds = KeelDataSource.builder(raw)
                .meterRegistry(registry)
                .name("orders-db")
                .build();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            assertThatThrownBy(() -> s.execute("SELECT no_such_column FROM users WHERE id = 1"))
                    .isInstanceOf(SQLException.class);
        }

        Timer timer =
                registry.find(StatementTimers.METER).tag("outcome", "error").timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
        assertThat(timer.getId().getTag("sql")).isEqualTo("SELECT no_such_column FROM users WHERE id = ?");
        assertThat(timer.getId().getTag("datasource")).isEqualTo("orders-db");
    }

    @Test
    void batchesAreTimedUnderTheirShape() throws SQLException {
        DataSource ds = KeelDataSource.wrap(raw, registry);
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, email) VALUES (?, ?)")) {
            for (int i = 1000; i < 1010; i++) {
                ps.setLong(1, i);
                ps.setString(2, "batch" + i + "@example.com");
                ps.addBatch();
            }
            ps.executeBatch();
        }

        Timer timer = registry.find(StatementTimers.METER)
                .tag("sql", "INSERT INTO users (id, email) VALUES (...)")
                .timer();
        assertThat(timer).isNotNull();
        assertThat(timer.count()).isEqualTo(1);
    }

    @Test
    void callersAreTaggedWhenAskedFor() throws SQLException {
        DataSource ds = KeelDataSource.builder(raw)
                .meterRegistry(registry)
                .tagCallers(true)
                .build();
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.execute("SELECT 1");
        }

        Timer timer =
                registry.find(StatementTimers.METER).tag("sql", "SELECT ?").timer();
        assertThat(timer).isNotNull();
        assertThat(timer.getId().getTag("caller")).isEqualTo("KeelDataSourceIT.callersAreTaggedWhenAskedFor");
    }

    @Test
    void slowStatementsAreLoggedWithTheirParametersMasked() throws SQLException {
        List<String> logged = new CopyOnWriteArrayList<>();
        DataSource ds = KeelDataSource.builder(raw)
                .meterRegistry(registry)
                .slowStatementThreshold(Duration.ofMillis(30))
                .slowStatementSink(logged::add)
                .build();
        try (Connection c = ds.getConnection()) {
            try (PreparedStatement fast = c.prepareStatement("SELECT email FROM users WHERE id = ?")) {
                fast.setLong(1, 3);
                fast.executeQuery().close();
            }
            try (PreparedStatement slow =
                    c.prepareStatement("SELECT email, pg_sleep(0.05) FROM users WHERE email = ?")) {
                slow.setString(1, "user3@example.com");
                slow.executeQuery().close();
            }
        }

        assertThat(logged).hasSize(1);
        assertThat(logged.get(0))
                .startsWith("slow statement (")
                .contains("SELECT email, pg_sleep(?) FROM users WHERE email = ?")
                .contains("[$1 String]")
                .doesNotContain("user3@example.com");
    }

    @Test
    void buildWithoutARegistryIsRefused() {
        assertThatThrownBy(() -> KeelDataSource.builder(raw).build())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("MeterRegistry");
    }

    @Test
    void aStatementsBatchOfDifferentTextsTimesEachText() throws SQLException {
        DataSource ds = KeelDataSource.wrap(raw, registry);
        try (Connection c = ds.getConnection();
                Statement s = c.createStatement()) {
            s.addBatch("INSERT INTO users (id, email) VALUES (2001, 'a@example.com')");
            s.addBatch("UPDATE users SET email = 'b@example.com' WHERE id = 1");
            s.executeBatch();
            // The batch is gone once run: a second run times nothing more.
            s.executeBatch();
        }

        assertThat(registry.find(StatementTimers.METER)
                        .tag("sql", "INSERT INTO users (id, email) VALUES (...)")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(registry.find(StatementTimers.METER)
                        .tag("sql", "UPDATE users SET email = ? WHERE id = ?")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void aStatementsConnectionIsTheTimedOne() throws SQLException {
        DataSource ds = KeelDataSource.wrap(raw, registry);
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            assertThat(ps.getConnection()).isSameAs(c);
            try (Statement s = ps.getConnection().createStatement()) {
                s.execute("SELECT email FROM users WHERE id = 2");
            }
        }

        assertThat(registry.find(StatementTimers.METER)
                        .tag("sql", "SELECT email FROM users WHERE id = ?")
                        .timer()
                        .count())
                .isEqualTo(1);
    }

    @Test
    void theDriversOwnInterfacesAreReachedThroughUnwrap() throws SQLException {
        DataSource ds = KeelDataSource.wrap(raw, registry);
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT 1")) {
            assertThat(c.isWrapperFor(PGConnection.class)).isTrue();
            assertThat(c.unwrap(PGConnection.class).getBackendPID()).isPositive();
            assertThat(ps.unwrap(PGStatement.class)).isNotNull();
            assertThat(ds.unwrap(PGSimpleDataSource.class)).isSameAs(raw);
        }
    }

    @Test
    void aSlowBatchIsLoggedWithItsFirstSetAndItsSize() throws SQLException {
        List<String> logged = new CopyOnWriteArrayList<>();
        DataSource ds = KeelDataSource.builder(raw)
                .meterRegistry(registry)
                .slowStatementThreshold(Duration.ZERO)
                .slowStatementSink(logged::add)
                .build();
        try (Connection c = ds.getConnection();
                PreparedStatement ps = c.prepareStatement("INSERT INTO users (id, email) VALUES (?, ?)")) {
            for (int i = 3000; i < 3003; i++) {
                ps.setLong(1, i);
                ps.setString(2, "secret" + i + "@example.com");
                ps.addBatch();
            }
            ps.executeBatch();
        }

        assertThat(logged).hasSize(1);
        assertThat(logged.get(0))
                .contains(
                        "INSERT INTO users (id, email) VALUES (...) parameters [$1 Long, $2 String] (first of 3 sets)")
                .doesNotContain("secret");
    }

    @Test
    void callableStatementsAreTimedWithTheirParameterTypes() throws SQLException {
        List<String> logged = new CopyOnWriteArrayList<>();
        DataSource ds = KeelDataSource.builder(raw)
                .meterRegistry(registry)
                .slowStatementThreshold(Duration.ZERO)
                .slowStatementSink(logged::add)
                .build();
        try (Connection c = ds.getConnection();
                CallableStatement call = c.prepareCall("{? = call upper(?)}")) {
            call.registerOutParameter(1, Types.VARCHAR);
            call.setString(2, "private");
            call.execute();
            assertThat(call.getString(1)).isEqualTo("PRIVATE");
        }

        assertThat(registry.find(StatementTimers.METER)
                        .tag("sql", "{? = call upper(?)}")
                        .timer()
                        .count())
                .isEqualTo(1);
        assertThat(logged)
                .singleElement()
                .asString()
                .endsWith("{? = call upper(?)} parameters [$2 String]")
                .doesNotContain("private");
    }

    @Test
    void closingItClosesAPoolItWraps() throws Exception {
        ClosablePool pool = new ClosablePool();
        DataSource ds = KeelDataSource.wrap(pool, registry);

        ((AutoCloseable) ds).close();

        assertThat(pool.closed).isTrue();
    }

    /** Stands for a connection pool: a DataSource that can be closed. */
    private static final class ClosablePool extends PGSimpleDataSource implements Closeable {
        private boolean closed;

        @Override
        public void close() {
            closed = true;
        }
    }
}
