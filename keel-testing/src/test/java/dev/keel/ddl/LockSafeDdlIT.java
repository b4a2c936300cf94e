package dev.keel.ddl;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.connect.Cancellation;
import dev.keel.connect.ConnectionSource;
import dev.keel.error.ExitCode;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * LockSafeDdl on a real cluster, with a second session holding the lock the DDL needs (lives in
 * keel-testing's tests because keel-core cannot depend on the module that starts clusters).
 */
@WithPostgres
class LockSafeDdlIT {
    private static final LockRetryPolicy TWO_RETRIES = new LockRetryPolicy(Duration.ofMillis(200), 2);
    private final TestCluster cluster;
    private String db;

    LockSafeDdlIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void table() {
        db = cluster.createDatabase();
        cluster.execute(db, "create table orders (id bigint primary key)");
    }

    @Test
    void givesUpAfterItsTriesAndNamesTheBlockingSession() throws Exception {
        List<String> retries = new ArrayList<>();
        try (Connection blocker = cluster.connect(db);
                Connection session = cluster.connect(db);
                LockSafeDdl ddl = new LockSafeDdl(session, source(), Cancellation.none())) {
            int pid = holdReadLock(blocker);
            assertThatThrownBy(() -> ddl.execute(
                            "alter table orders add column status text",
                            TWO_RETRIES,
                            (attempt, of, wait, e) -> retries.add(attempt + "/" + of + " " + e.getSQLState())))
                    .isInstanceOfSatisfying(LockWaitExhausted.class, e -> {
                        assertThat(e.exitCode()).isEqualTo(ExitCode.OPERATION);
                        assertThat(e.attempts()).isEqualTo(3);
                        assertThat(e.blockers()).extracting(Blocker::pid).containsExactly(pid);
                        assertThat(e.sqlException().getSQLState()).isEqualTo("55P03");
                        assertThat(e.what())
                                .startsWith("could not get a lock within 200ms in 3 tries; blocked by pid " + pid
                                        + " (report-job, idle in transaction for ")
                                .endsWith("s): select * from orders");
                    });
            assertThat(retries).containsExactly("1/3 55P03", "2/3 55P03");
            assertThat(show(session, "lock_timeout"))
                    .as("the session's own lock_timeout is back")
                    .isEqualTo("0");
        }
        assertThat(columns()).isEqualTo("1");
    }

    @Test
    void retriesUntilTheBlockerLetsGo() throws Exception {
        List<Duration> waits = new ArrayList<>();
        try (Connection blocker = cluster.connect(db);
                Connection session = cluster.connect(db);
                LockSafeDdl ddl = new LockSafeDdl(session, source(), Cancellation.none())) {
            holdReadLock(blocker);
            ddl.execute("alter table orders add column status text", TWO_RETRIES, (attempt, of, wait, e) -> {
                waits.add(wait);
                release(blocker);
            });
        }
        assertThat(waits)
                .singleElement()
                .satisfies(w -> assertThat(w.toMillis()).isBetween(125L, 250L));
        assertThat(columns()).isEqualTo("2");
    }

    @Test
    void inATransactionATimedOutTryKeepsTheWorkBeforeIt() throws Exception {
        try (Connection blocker = cluster.connect(db);
                Connection session = cluster.connect(db);
                LockSafeDdl ddl = new LockSafeDdl(session, source(), Cancellation.none())) {
            holdReadLock(blocker);
            session.setAutoCommit(false);
            try (Statement s = session.createStatement()) {
                s.execute("create table audit (id bigint)");
            }
            ddl.execute(
                    "alter table orders add column status text",
                    TWO_RETRIES,
                    (attempt, of, wait, e) -> release(blocker));
            session.commit();
        }
        assertThat(columns()).isEqualTo("2");
        assertThat(cluster.queryString(db, "select to_regclass('audit') is not null"))
                .isEqualTo("t");
    }

    @Test
    void aCancelledRunStopsRetryingAtOnce() throws Exception {
        Cancellation cancellation = new Cancellation();
        List<Integer> retries = new ArrayList<>();
        try (Connection blocker = cluster.connect(db);
                Connection session = cluster.connect(db);
                LockSafeDdl ddl = new LockSafeDdl(session, source(), cancellation)) {
            holdReadLock(blocker);
            LockRetryPolicy patient = new LockRetryPolicy(Duration.ofMillis(200), 50);
            assertThatThrownBy(() -> ddl.execute(
                            "alter table orders add column status text", patient, (attempt, of, wait, e) -> {
                                retries.add(attempt);
                                cancellation.cancel("test");
                            }))
                    .isInstanceOf(SQLException.class)
                    .isNotInstanceOf(LockWaitExhausted.class);
        }
        assertThat(retries).containsExactly(1);
    }

    @Test
    void cancellingStopsAStatementThatRunsOnTheServer() throws Exception {
        Cancellation cancellation = new Cancellation();
        try (Connection session = cluster.connect(db);
                Connection observer = cluster.connect(db)) {
            int pid = backendPid(session);
            Thread canceller = new Thread(() -> {
                awaitActive(observer, pid);
                cancellation.cancel("test");
            });
            try (Cancellation.Registration watching = cancellation.watch(session);
                    Statement s = session.createStatement()) {
                canceller.start();
                assertThatThrownBy(() -> s.execute("select pg_sleep(60)"))
                        .isInstanceOfSatisfying(
                                SQLException.class,
                                e -> assertThat(e.getSQLState()).isEqualTo("57014"));
            }
            canceller.join(10_000);
        }
    }

    private ConnectionSource source() {
        return new ConnectionSource() {
            @Override
            public Connection open() {
                return cluster.connect(db);
            }

            @Override
            public String describe() {
                return db;
            }
        };
    }

    private static int holdReadLock(Connection blocker) throws SQLException {
        blocker.setAutoCommit(false);
        int pid = backendPid(blocker);
        try (Statement s = blocker.createStatement()) {
            s.execute("set application_name = 'report-job'");
            s.execute("select * from orders");
        }
        return pid;
    }

    private static void release(Connection blocker) {
        try {
            blocker.rollback();
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
    }

    private static int backendPid(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("select pg_backend_pid()")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    private static void awaitActive(Connection observer, int pid) {
        long deadline = System.nanoTime() + 30_000_000_000L;
        try (Statement s = observer.createStatement()) {
            while (System.nanoTime() < deadline) {
                try (ResultSet rs = s.executeQuery("select count(*) from pg_stat_activity where pid = " + pid
                        + " and state = 'active' and query like 'select pg_sleep%'")) {
                    rs.next();
                    if (rs.getInt(1) > 0) {
                        return;
                    }
                }
            }
        } catch (SQLException e) {
            throw new AssertionError(e);
        }
        throw new AssertionError("pg_sleep never started on pid " + pid);
    }

    private static String show(Connection c, String setting) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("show " + setting)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private String columns() {
        return cluster.queryString(db, "select count(*) from information_schema.columns where table_name = 'orders'");
    }
}
