package dev.keel.doctor.checks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.doctor.DoctorReport;
import dev.keel.doctor.DoctorRuns;
import dev.keel.doctor.Severity;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

@WithPostgres
class BlockingChainsIT {
    private final TestCluster cluster;

    BlockingChainsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void aHeldRowLockWithTwoWaitersNamesTheRootBlocker() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, "CREATE TABLE accounts (id int PRIMARY KEY, balance int)");
        cluster.execute(db, "INSERT INTO accounts VALUES (1, 100)");
        List<Connection> waiters = new ArrayList<>();
        List<CompletableFuture<Void>> waiting = new ArrayList<>();
        try (Connection holder = cluster.connect(db)) {
            holder.setAutoCommit(false);
            long rootPid = pid(holder);
            holder.createStatement().execute("UPDATE accounts SET balance = balance - 1 WHERE id = 1");
            for (int i = 0; i < 2; i++) {
                Connection w = cluster.connect(db);
                waiters.add(w);
                waiting.add(CompletableFuture.runAsync(() -> update(w)));
            }

            DoctorReport report = DoctorRuns.until(r -> !r.findings().isEmpty() && ((Number) r.principal().evidence().get("waiters")).intValue() == 2,
                    Duration.ofSeconds(10), cluster, db, new BlockingChains(Duration.ZERO, 5, Duration.ofMinutes(1)));

            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.check()).isEqualTo("blocking-chains");
                assertThat(f.severity()).isEqualTo(Severity.WARNING);
                assertThat(f.evidence()).containsEntry("rootPid", rootPid).containsEntry("waiters", 2L).containsEntry("rootState", "idle in transaction");
                assertThat(f.summary()).contains("pid " + rootPid).contains("accounts");
            });
            // The same chain is critical once the waiters reach the critical count.
            assertThat(DoctorRuns.run(cluster, db, new BlockingChains(Duration.ZERO, 2, Duration.ofMinutes(1))).principal().severity())
                    .isEqualTo(Severity.CRITICAL);
            // A short wait is ordinary contention under the default threshold of 5 s … unless it already lasted that long.
            holder.rollback();
        } finally {
            for (CompletableFuture<Void> f : waiting) {
                f.get();
            }
            for (Connection w : waiters) {
                w.close();
            }
        }
        assertThat(DoctorRuns.run(cluster, db, new BlockingChains(Duration.ZERO, 5, Duration.ofMinutes(1))).findings()).isEmpty();
    }

    private static void update(Connection c) {
        try (Statement s = c.createStatement()) {
            s.execute("UPDATE accounts SET balance = balance + 1 WHERE id = 1");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static long pid(Connection c) throws java.sql.SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT pg_backend_pid()")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
