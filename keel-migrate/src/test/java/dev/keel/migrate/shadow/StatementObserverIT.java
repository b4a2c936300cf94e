package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.connect.ConnectionSource;
import dev.keel.connect.TargetParser;
import dev.keel.sql.LockMode;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What the observer sees a statement do, in a transaction and outside one. The machine's
 * PostgreSQL (15 here) runs this class; {@link StatementObserverOnEmbeddedIT} repeats it on 17.
 */
@WithPostgres
class StatementObserverIT {
    private static final RelationName ORDERS = new RelationName("public", "orders");

    private final TestCluster cluster;
    private ConnectionSource shadow;
    private Connection connection;
    private LockWitness witness;
    private LockCapture capture;

    StatementObserverIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void shadow() throws SQLException {
        String db = cluster.createDatabase();
        cluster.execute(
                db,
                "create table orders (id bigint primary key, status text, total int);"
                        + "insert into orders select g, 'new', g from generate_series(1, 2000) g; create type mood as enum ('calm')");
        shadow = ConnectionSource.of(TargetParser.parse(cluster.jdbcUrl(db), null, null, "test"));
        connection = shadow.open();
        witness = new LockWitness(shadow);
        capture = LockCapture.install(connection);
    }

    @AfterEach
    void close() throws SQLException {
        witness.close();
        connection.close();
    }

    private StatementObserver observer(LockCapture capture) throws SQLException {
        return StatementObserver.start(connection, capture, witness);
    }

    private StatementEffects outsideATransaction(String sql, LockCapture capture) throws Exception {
        connection.setAutoCommit(true);
        return observer(capture).observe(sql);
    }

    private StatementEffects inATransaction(String sql) throws Exception {
        StatementObserver observer = observer(capture);
        connection.setAutoCommit(false);
        try {
            return observer.observe(sql);
        } finally {
            connection.rollback();
            connection.setAutoCommit(true);
        }
    }

    @Test
    void aConcurrentIndexBuildIsSeenTakingShareUpdateExclusive() throws Exception {
        // Its event fires after it released the table: only the lock witness can see this lock.
        StatementEffects effects =
                outsideATransaction("create index concurrently orders_status_idx on orders (status)", capture);
        assertThat(effects.lockOn(ORDERS)).contains(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(effects.commandTags()).containsExactly("CREATE INDEX");
        assertThat(cluster.queryString(
                        dbOf(), "select indisvalid from pg_index where indexrelid = 'orders_status_idx'::regclass"))
                .isEqualTo("t");
    }

    @Test
    void aPlainIndexBuildIsSeenTakingShareInATransactionAndOutside() throws Exception {
        StatementEffects inside = inATransaction("create index orders_total_idx on orders (total)");
        assertThat(inside.lockOn(ORDERS)).contains(LockMode.SHARE);
        assertThat(inside.commandTags()).containsExactly("CREATE INDEX");

        StatementEffects outside = outsideATransaction("create index orders_total_idx on orders (total)", capture);
        assertThat(outside.lockOn(ORDERS)).contains(LockMode.SHARE);
    }

    @Test
    void theEventTriggerSeesDdlOutsideATransactionThatNeverWaits() throws Exception {
        // SHARE UPDATE EXCLUSIVE lets the witness's ROW EXCLUSIVE through: only the event trigger sees it.
        StatementEffects effects = outsideATransaction("alter table orders set (fillfactor = 80)", capture);
        assertThat(effects.lockOn(ORDERS)).contains(LockMode.SHARE_UPDATE_EXCLUSIVE);
        assertThat(effects.commandTags()).containsExactly("ALTER TABLE");

        StatementEffects unseen = outsideATransaction("alter table orders set (fillfactor = 90)", LockCapture.off());
        assertThat(unseen.locks()).isEmpty();
    }

    @Test
    void withoutTheEventTriggerTheWitnessStillSeesABlockingLockOutsideATransaction() throws Exception {
        StatementEffects effects =
                outsideATransaction("alter table orders add column token float8 default random()", LockCapture.off());
        assertThat(effects.lockOn(ORDERS)).contains(LockMode.ACCESS_EXCLUSIVE);
        assertThat(effects.commandTags()).isEmpty();
        assertThat(effects.rewritten()).contains(ORDERS);
    }

    @Test
    void dmlFiresNoEventAndIsSeenThroughTheTransactionsOwnLocks() throws Exception {
        StatementEffects effects = inATransaction("update orders set total = 0");
        assertThat(effects.lockOn(ORDERS)).contains(LockMode.ROW_EXCLUSIVE);
        assertThat(effects.commandTags()).isEmpty();
        assertThat(effects.scanned()).contains(ORDERS);
    }

    @Test
    void aStatementPostgresRefusesIsRejectedNotAnObservationFailure() throws Exception {
        assertThatThrownBy(() -> inATransaction("alter table missing add column x int"))
                .isInstanceOf(StatementRejected.class)
                .hasMessageContaining("missing");
    }

    private String dbOf() throws SQLException {
        return connection.getCatalog();
    }
}
