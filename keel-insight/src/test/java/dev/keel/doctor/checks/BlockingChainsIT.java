package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.DoctorSeverity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** Chains provoked with a row lock held by one session and updates queued behind it; one cluster for the class. */
@WithPostgres
class BlockingChainsIT {
    private static final Duration LIMIT = Duration.ofSeconds(10);
    private final TestCluster cluster;

    BlockingChainsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aBusyRootWithTwoWaitersIsAWarningThatNamesTheRootBlocker() throws Exception {
        String db = accounts();
        List<Connection> waiters = new ArrayList<>();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        try (Connection holder = cluster.connect(db)) {
            holder.setAutoCommit(false);
            long rootPid = pid(holder);
            holder.createStatement().execute("UPDATE accounts SET balance = balance - 1 WHERE id = 1");
            // The root keeps working while it holds the lock: active, not idle in transaction.
            CompletableFuture<Void> busy = CompletableFuture.runAsync(() -> execute(holder, "SELECT pg_sleep(60)"));
            for (int i = 0; i < 2; i++) {
                Connection w = cluster.connect(db);
                waiters.add(w);
                waiting.add(CompletableFuture.runAsync(
                        () -> execute(w, "UPDATE accounts SET balance = balance + 1 WHERE id = 1")));
            }

            DoctorReport report = DoctorRuns.until(
                    r -> waiters(r) == 2
                            && "active".equals(r.principal().evidence().get("rootState")),
                    LIMIT,
                    cluster,
                    db,
                    new BlockingChains(Duration.ZERO, 5, Duration.ofMinutes(1)));

            assertThat(report.findings())
                    .as("two waiters behind an active root within %s", LIMIT)
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.check()).isEqualTo("blocking-chains");
                        assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
                        assertThat(f.evidence())
                                .containsEntry("rootPid", rootPid)
                                .containsEntry("waiters", 2L)
                                .containsEntry("rootState", "active");
                        assertThat(f.summary())
                                .contains("pid " + rootPid)
                                .contains("accounts")
                                .doesNotContain("will not end by itself");
                    });
            // The same chain is critical once the waiters reach the critical count.
            assertThat(DoctorRuns.run(cluster, db, new BlockingChains(Duration.ZERO, 2, Duration.ofMinutes(1)))
                            .principal()
                            .severity())
                    .isEqualTo(DoctorSeverity.CRITICAL);
            cluster.execute(db, "SELECT pg_cancel_backend(" + rootPid + ")");
            // The cancelled sleep aborted the transaction; the rollback ends it and frees the waiters.
            busy.handle((ok, failed) -> null).get(30, TimeUnit.SECONDS);
            holder.rollback();
        } finally {
            for (CompletableFuture<Void> f : waiting) {
                f.get(30, TimeUnit.SECONDS);
            }
            for (Connection w : waiters) {
                w.close();
            }
        }
        assertThat(DoctorRuns.run(cluster, db, new BlockingChains(Duration.ZERO, 5, Duration.ofMinutes(1)))
                        .findings())
                .isEmpty();
    }

    @Test
    void anIdleInTransactionRootIsCriticalOnceAWaiterPassesTheMinimumWait() throws Exception {
        String db = accounts();
        try (Connection holder = cluster.connect(db);
                Connection waiter = cluster.connect(db)) {
            holder.setAutoCommit(false);
            long rootPid = pid(holder);
            holder.createStatement().execute("UPDATE accounts SET balance = balance - 1 WHERE id = 1");
            CompletableFuture<Void> waiting = CompletableFuture.runAsync(
                    () -> execute(waiter, "UPDATE accounts SET balance = balance + 1 WHERE id = 1"));
            // One waiter, far below the critical count and wait: only the idle root can make it critical.
            BlockingChains check = new BlockingChains(Duration.ZERO, 5, Duration.ofHours(1));

            DoctorReport report = DoctorRuns.until(r -> waiters(r) == 1, LIMIT, cluster, db, check);

            assertThat(report.findings())
                    .as("one waiter behind the idle root within %s", LIMIT)
                    .singleElement()
                    .satisfies(f -> {
                        assertThat(f.severity()).isEqualTo(DoctorSeverity.CRITICAL);
                        assertThat(f.score()).isGreaterThanOrEqualTo(70);
                        assertThat(f.evidence())
                                .containsEntry("rootPid", rootPid)
                                .containsEntry("rootState", "idle in transaction");
                        assertThat(f.summary())
                                .contains("held by pid " + rootPid)
                                .contains("idle in transaction for ")
                                .contains("it does no work and will not end by itself");
                        assertThat(f.impact()).contains("pg_terminate_backend(" + rootPid + ")");
                    });
            // Below the minimum wait it is ordinary contention, idle root or not.
            assertThat(DoctorRuns.run(cluster, db, new BlockingChains(Duration.ofHours(1), 5, Duration.ofHours(2)))
                            .findings())
                    .isEmpty();
            holder.rollback();
            waiting.get(30, TimeUnit.SECONDS);
        }
    }

    private String accounts() {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE accounts (id int PRIMARY KEY, balance int)");
        cluster.execute(db, "INSERT INTO accounts VALUES (1, 100)");
        return db;
    }

    private static long waiters(DoctorReport r) {
        return r.findings().isEmpty() ? 0 : ((Number) r.principal().evidence().get("waiters")).longValue();
    }

    private static void execute(Connection c, String sql) {
        try (Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException(sql + ": " + e.getMessage(), e);
        }
    }

    private static long pid(Connection c) throws SQLException {
        try (Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
