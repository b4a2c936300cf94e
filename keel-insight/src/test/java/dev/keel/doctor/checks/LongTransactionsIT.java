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
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;

/** The thresholds are lowered to a second so the test need not wait the default five minutes. */
@WithPostgres
class LongTransactionsIT {
    private static final LongTransactions SHORT = new LongTransactions(
            Duration.ofMillis(500), Duration.ofMinutes(30), Duration.ofMillis(500), Duration.ofHours(1));
    private final TestCluster cluster;

    LongTransactionsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void anIdleInTransactionSessionFires() throws Exception {
        String db = cluster.createDatabase();
        try (Connection idle = cluster.connect(db)) {
            idle.setAutoCommit(false);
            long pid;
            try (Statement s = idle.createStatement();
                    ResultSet rs = s.executeQuery("SELECT pg_backend_pid(), txid_current()")) {
                rs.next();
                pid = rs.getLong(1);
            }

            DoctorReport report =
                    DoctorRuns.until(r -> !r.findings().isEmpty(), Duration.ofSeconds(5), cluster, db, SHORT);

            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.severity()).isEqualTo(DoctorSeverity.WARNING);
                assertThat(f.evidence()).containsEntry("pid", pid).containsEntry("state", "idle in transaction");
                assertThat(f.summary()).contains("idle in transaction");
            });
            assertThat(DoctorRuns.run(cluster, db, new LongTransactions()).findings())
                    .as("default threshold of 5 min")
                    .isEmpty();
            idle.rollback();
        }
        assertThat(DoctorRuns.run(cluster, db, SHORT).findings()).isEmpty();
    }

    @Test
    void aLongRunningStatementFires() throws Exception {
        String db = cluster.createDatabase();
        try (Connection busy = cluster.connect(db)) {
            var running = CompletableFuture.runAsync(() -> {
                try (Statement s = busy.createStatement()) {
                    s.execute("SELECT pg_sleep(3)");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });

            DoctorReport report =
                    DoctorRuns.until(r -> !r.findings().isEmpty(), Duration.ofSeconds(3), cluster, db, SHORT);

            assertThat(report.findings()).singleElement().satisfies(f -> {
                assertThat(f.evidence()).containsEntry("state", "active").containsEntry("query", "SELECT pg_sleep(3)");
                assertThat(f.summary()).contains("running one statement");
            });
            running.get();
        }
    }
}
