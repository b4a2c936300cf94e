package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithPostgres
class FlagStoreIT {
    private final TestCluster cluster;
    private final FlagStore store = new FlagStore(new FlagTables("keel"));
    private String db;

    FlagStoreIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void database() {
        db = cluster.createDatabase();
    }

    private Connection withTables() throws SQLException {
        Connection c = cluster.connect(db);
        store.tables().ensureExist(c);
        return c;
    }

    @Test
    void withoutTablesThereAreNoFlagsAndNoHistoryAndNothingIsCreated() throws SQLException {
        try (Connection c = cluster.connect(db)) {
            assertThat(store.readAll(c)).isEmpty();
            assertThat(store.history(c, "checkout-v8")).isEmpty();
        }
        assertThat(cluster.queryString(db, "SELECT to_regnamespace('keel') IS NULL"))
                .isEqualTo("t");
    }

    @Test
    void aWriteReturnsBeforeAfterAndTheHistoryRowItRecorded() throws SQLException {
        try (Connection c = withTables()) {
            FlagStore.Written created = store.write(
                    c,
                    new FlagUpdate("checkout-v8", Rollout.parse("10%"), List.of("bob", "alice"), "public_v8", false),
                    "dana");
            assertThat(created.before()).isNull();
            assertThat(created.after().allow()).containsExactly("alice", "bob");
            assertThat(created.after().schemaVersion()).isEqualTo("public_v8");
            assertThat(created.after().updatedBy()).isEqualTo("postgres (dana)");
            assertThat(created.change().before()).isNull();
            assertThat(created.change().allowBefore()).isNull();
            assertThat(created.change().after()).isEqualTo(Rollout.parse("10%"));

            FlagStore.Written changed =
                    store.write(c, new FlagUpdate("checkout-v8", Rollout.ON, null, null, true), null);
            assertThat(changed.before()).isEqualTo(created.after());
            assertThat(changed.after().allow()).as("kept").containsExactly("alice", "bob");
            assertThat(changed.after().schemaVersion()).as("cleared").isNull();
            assertThat(changed.after().updatedBy())
                    .as("no actor: the role alone")
                    .isEqualTo("postgres");
            assertThat(changed.change().schemaVersionBefore()).isEqualTo("public_v8");
            assertThat(changed.change().schemaVersionAfter()).isNull();

            assertThat(store.history(c, "checkout-v8"))
                    .extracting(FlagChange::id)
                    .containsExactly(created.change().id(), changed.change().id());
            assertThat(store.readAll(c).get("checkout-v8")).isEqualTo(changed.after());
            assertThat(c.getAutoCommit()).isTrue();
        }
    }

    @Test
    void flagsAreReadInNameOrderAndHistoryOnlyForTheNamedFlag() throws SQLException {
        try (Connection c = withTables()) {
            for (String name : List.of("zeta", "alpha", "mid")) {
                store.write(c, new FlagUpdate(name, Rollout.ON, null, null, false), null);
            }
            assertThat(store.readAll(c).keySet()).containsExactly("alpha", "mid", "zeta");
            assertThat(store.history(c, "mid"))
                    .singleElement()
                    .satisfies(h -> assertThat(h.name()).isEqualTo("mid"));
            assertThat(store.history(c, "never")).isEmpty();
        }
    }

    @Test
    void concurrentWritersOfOneNewFlagEachRecordTheValueTheOtherLeft() throws Exception {
        int writers = 6;
        int each = 5;
        try (Connection c = withTables()) {
            ExecutorService pool = Executors.newFixedThreadPool(writers);
            CountDownLatch go = new CountDownLatch(1);
            try {
                List<Future<?>> done = new ArrayList<>();
                for (int w = 0; w < writers; w++) {
                    int writer = w;
                    done.add(pool.submit(() -> {
                        try (Connection own = cluster.connect(db)) {
                            go.await();
                            for (int i = 0; i < each; i++) {
                                Rollout r = new Rollout(1 + writer * 100 + i);
                                store.write(own, new FlagUpdate("race", r, null, null, false), "w" + writer);
                            }
                        }
                        return null;
                    }));
                }
                go.countDown();
                for (Future<?> f : done) {
                    f.get(60, TimeUnit.SECONDS);
                }
            } finally {
                pool.shutdownNow();
            }
            List<FlagChange> history = store.history(c, "race");
            assertThat(history).hasSize(writers * each);
            assertThat(history.get(0).before())
                    .as("only the first write created the flag")
                    .isNull();
            for (int i = 1; i < history.size(); i++) {
                assertThat(history.get(i).before())
                        .as("change %d starts from what change %d left", i, i - 1)
                        .isEqualTo(history.get(i - 1).after());
            }
            assertThat(store.readAll(c).get("race").rollout())
                    .isEqualTo(history.get(history.size() - 1).after());
        }
    }

    @Test
    void aWriteThatFailsHalfwayLeavesTheFlagAsItWas() throws SQLException {
        try (Connection c = withTables()) {
            store.write(c, new FlagUpdate("f", Rollout.OFF, null, null, false), null);
            cluster.execute(db, "ALTER TABLE keel.flag_history ADD CONSTRAINT no_more CHECK (id < 0) NOT VALID");

            assertThatThrownBy(() -> store.write(c, new FlagUpdate("f", Rollout.ON, null, null, false), null))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("no_more");

            assertThat(c.getAutoCommit()).isTrue();
            assertThat(store.readAll(c).get("f").rollout())
                    .as("the flag's new value was rolled back with its history row")
                    .isEqualTo(Rollout.OFF);
        }
    }

    @Test
    void insideTheCallersTransactionAWriteCommitsNothingAndRollsBackWithIt() throws SQLException {
        try (Connection c = withTables()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE callers_work (id int)");
            }
            store.write(c, new FlagUpdate("checkout-v8", Rollout.parse("50%"), List.of(), null, false), "dana");
            assertThat(c.getAutoCommit())
                    .as("the caller's transaction is still open")
                    .isFalse();
            c.rollback();
            assertThat(store.readAll(c))
                    .as("the write went with the caller's rollback")
                    .isEmpty();
            assertThat(cluster.queryString(db, "SELECT to_regclass('callers_work') IS NULL"))
                    .isEqualTo("t");
        }
    }

    @Test
    void aFailedWriteInsideTheCallersTransactionUndoesOnlyItself() throws SQLException {
        try (Connection c = withTables()) {
            c.setAutoCommit(false);
            try (var s = c.createStatement()) {
                s.execute("CREATE TABLE callers_work (id int)");
            }
            FlagUpdate update = new FlagUpdate("checkout-v8", Rollout.parse("50%"), List.of(), null, false);
            cluster.execute(db, "ALTER TABLE keel.flag_history ADD CONSTRAINT refuse_all CHECK (false) NOT VALID");
            assertThatThrownBy(() -> store.write(c, update, "x")).isInstanceOf(SQLException.class);
            c.commit();
            assertThat(cluster.queryString(db, "SELECT to_regclass('callers_work') IS NOT NULL"))
                    .as("the caller's own work survives and commits")
                    .isEqualTo("t");
            assertThat(store.readAll(c))
                    .as("the flag's own change was undone with its history row")
                    .isEmpty();
        }
    }
}
