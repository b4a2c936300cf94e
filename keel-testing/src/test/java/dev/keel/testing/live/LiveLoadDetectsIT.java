package dev.keel.testing.live;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.WithSeededRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The harness fails the changes that break a live application: a long lock, a failing statement, diverging data. */
@WithPostgres
@WithSeededRandom
class LiveLoadDetectsIT {
    private static final int ROWS = 2000;
    private static final Duration LIMIT = OperationHarness.LOCK_TIMEOUT.plus(OperationHarness.MARGIN);
    private final TestCluster cluster;
    private String db;

    LiveLoadDetectsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void table() {
        db = cluster.createDatabase();
        HandWrittenRename.createTable(cluster, db, ROWS);
    }

    @Test
    void aNaiveTypeChangeHoldingAccessExclusiveIsReportedAsALongLockWait(Random random) {
        cluster.execute(db, "alter table orders add column amount int default 0");
        LiveLoadReport report = LiveLoad.against(cluster.jdbcUrl(db), random)
                .existingRows(ROWS)
                .side(Side.of("app", "public", ShapeSql.forColumns("orders", "id", "amount", ValueSource.integer())))
                .step("naive alter type", this::naiveAlterType)
                .run();

        report.assertNoFailedStatements();
        assertThatThrownBy(() -> report.assertNoLockWaitLongerThan(LIMIT))
                .hasMessageContaining("waited longer than " + LIMIT.toMillis() + " ms for a lock")
                .hasMessageContaining("on orders during naive alter type");
        assertThat(report.longestLockWait()).hasValueSatisfying(w -> {
            assertThat(w.waited()).isGreaterThan(LIMIT);
            assertThat(w.blockedBy()).isNotEmpty();
        });
    }

    /**
     * What a rewriting ALTER does to a large table: ACCESS EXCLUSIVE for the whole rewrite. The
     * transaction stays open until a writer has waited past the limit, as it would for the seconds a
     * rewrite of millions of rows takes, so the test does not depend on how fast this machine rewrites.
     */
    private void naiveAlterType() throws SQLException {
        try (Connection c = cluster.connect(db);
                Statement s = c.createStatement()) {
            c.setAutoCommit(false);
            s.execute("alter table orders alter column amount type bigint");
            Eventually.await(
                    Duration.ofSeconds(30),
                    "an application statement to wait behind the ALTER",
                    () -> longestWaitBehind(c).compareTo(LIMIT.plusMillis(200)) > 0);
            c.commit();
        }
    }

    private Duration longestWaitBehind(Connection alter) {
        String sql = "select coalesce(max(extract(epoch from clock_timestamp() - l.waitstart) * 1000), 0)::bigint"
                + " from pg_locks l where not l.granted and l.relation = 'orders'::regclass"
                + " and pg_backend_pid() <> l.pid";
        try (Connection monitor = cluster.connect(db);
                PreparedStatement s = monitor.prepareStatement(sql);
                ResultSet rs = s.executeQuery()) {
            rs.next();
            return Duration.ofMillis(rs.getLong(1));
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void droppingAColumnAReaderUsesIsReportedAsFailedStatements(Random random) {
        PlainDdl ddl = new PlainDdl(cluster, db, new Random(random.nextLong()));
        LiveLoadReport report = LiveLoad.against(cluster.jdbcUrl(db), random)
                .existingRows(ROWS)
                .side(Side.of("app", "public", ShapeSql.forColumns("orders", "id", "note", ValueSource.text())))
                .step("drop note", () -> ddl.run("alter table orders drop column note"))
                .run();

        assertThatThrownBy(report::assertNoFailedStatements)
                .hasMessageContaining("application statements failed")
                .hasMessageContaining("42703 ERROR: column \"note\"");
        assertThat(report.failures()).allSatisfy(f -> {
            assertThat(f.sqlState()).isEqualTo("42703");
            assertThat(f.step()).isIn("drop note", "after drop note");
        });
        report.assertNoLockWaitLongerThan(LIMIT);
    }

    @Test
    void aChangeWithoutItsBackfillIsReportedAsDivergingData(Random random) {
        HandWrittenRename rename = new HandWrittenRename(new PlainDdl(cluster, db, new Random(random.nextLong())));
        LiveLoadReport report = LiveLoad.against(cluster.jdbcUrl(db), random)
                .existingRows(ROWS)
                .side(Side.of(
                        "old",
                        HandWrittenRename.OLD_PATH,
                        ShapeSql.forColumns("orders", "id", "note", ValueSource.text())))
                .side(Side.of(
                        "new",
                        HandWrittenRename.NEW_PATH,
                        ShapeSql.forColumns("orders", "id", "comment", ValueSource.text())))
                .step("start", rename::start)
                .launch("new")
                .compare("select * from orders order by id")
                .run();

        report.assertNoFailedStatements();
        report.assertNoLockWaitLongerThan(LIMIT);
        assertThatThrownBy(report::assertSameData)
                .hasMessageContaining("the versions disagree after start, old (")
                .hasMessageMatching("(?s).*row \\d+: old \\[\\d+, [^]]+\\], new \\[\\d+, null\\].*");
    }
}
