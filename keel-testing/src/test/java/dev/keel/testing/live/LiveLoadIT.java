package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.WithSeededRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** However a run ends, its threads stop and its sessions leave the server; a broken run says why. */
@WithPostgres
@WithSeededRandom
class LiveLoadIT {
    private final TestCluster cluster;
    private String db;

    LiveLoadIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void table() {
        db = cluster.createDatabase();
        HandWrittenRename.createTable(cluster, db, 100);
    }

    private LiveLoad load(Random random, ApplicationStatements statements) {
        return LiveLoad.against(cluster.jdbcUrl(db), random)
                .existingRows(100)
                .side(Side.of("app", "public", statements).readers(1).writers(1));
    }

    private static ShapeSql orders() {
        return ShapeSql.forColumns("orders", "id", "note", ValueSource.text());
    }

    @Test
    void aFailingStepStopsTheLoadAndClosesEverySession(Random random) {
        assertThatThrownBy(() -> load(random, orders())
                        .step("broken", () -> {
                            throw new IllegalStateException("the change broke");
                        })
                        .run())
                .hasMessageStartingWith(
                        "live load stopped during broken: java.lang.IllegalStateException: the change broke")
                .hasMessageContaining("statements, 0 failed");
        assertNoSessionLeft();
    }

    @Test
    void aStepPastItsLimitIsStoppedAndReported(Random random) {
        CountDownLatch never = new CountDownLatch(1);
        assertThatThrownBy(() -> load(random, orders())
                        .stepLimit(Duration.ofMillis(200))
                        .step("stuck", never::await)
                        .run())
                .hasMessageContaining("step stuck did not finish within PT0.2S");
        assertNoSessionLeft();
    }

    @Test
    void statementsThatThrowEndTheRunWithTheirCause(Random random) {
        ApplicationStatements buggy = (kind, c, key, r) -> {
            throw new IllegalArgumentException("no statement for " + kind);
        };
        assertThatThrownBy(() -> load(random, buggy).run())
                .hasMessageContaining("ended on its own: java.lang.IllegalArgumentException: no statement for");
        assertNoSessionLeft();
    }

    @Test
    void statementsStillBlockedAtTheEndAreCancelledAndTheirSessionsClosed(Random random) throws Exception {
        try (Connection blocker = cluster.connect(db);
                Statement s = blocker.createStatement()) {
            LiveLoadReport report = load(random, orders())
                    .stopLimit(Duration.ofMillis(500))
                    .settleStatements(0)
                    .step("lock until both threads wait", () -> {
                        blocker.setAutoCommit(false);
                        s.execute("lock table orders in access exclusive mode");
                        Eventually.await(
                                Duration.ofSeconds(30),
                                "both application threads to wait for the lock",
                                () -> "2"
                                        .equals(cluster.queryString(db, sessions() + " and wait_event_type = 'Lock'")));
                    })
                    .run();
            blocker.rollback();
            report.assertNoFailedStatements();
            assertThat(report.longestLockWait()).isPresent();
        }
        assertNoSessionLeft();
    }

    private void assertNoSessionLeft() {
        Eventually.await(
                Duration.ofSeconds(10),
                "every session of the load to leave the server",
                () -> "0".equals(cluster.queryString(db, sessions())),
                () -> cluster.queryString(db, sessions()));
    }

    private static String sessions() {
        return "select count(*) from pg_stat_activity where application_name like 'keel\\_live\\_%'";
    }
}
