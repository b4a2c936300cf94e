package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.connect.ConnectionSource;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

/** The client's background thread on a real server: what it publishes, and how it comes back after losing it. */
@WithPostgres
class FlagListenerIT {
    private static final Duration LIMIT = Duration.ofSeconds(20);
    /** Long enough that only a notification or a reconnection can make the listener read the flags again. */
    private static final Duration NO_PERIODIC_RELOAD = Duration.ofHours(1);

    private final TestCluster cluster;
    private final AtomicReference<Map<String, Flag>> published = new AtomicReference<>();
    private final AtomicInteger publishes = new AtomicInteger();
    private String db;
    private FlagAdmin admin;
    private FlagListener listener;
    private Thread thread;

    FlagListenerIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void database() {
        db = cluster.createDatabase();
        admin = new FlagAdmin(TestDatabases.source(cluster, db), "keel");
    }

    @AfterEach
    void stop() throws InterruptedException {
        if (listener != null) {
            listener.stop();
            thread.interrupt();
            thread.join(10_000);
        }
    }

    private void start(ConnectionSource source, Duration firstRetry) throws InterruptedException {
        listener = new FlagListener(
                source,
                new FlagStore(new FlagTables("keel")),
                NO_PERIODIC_RELOAD,
                new Backoff(firstRetry, firstRetry.multipliedBy(2)),
                flags -> {
                    published.set(flags);
                    publishes.incrementAndGet();
                });
        thread = new Thread(listener, "flag-listener-test");
        thread.setDaemon(true);
        thread.start();
        assertThat(listener.awaitFirstAttempt(LIMIT)).isTrue();
    }

    private void set(String name, Rollout rollout) {
        admin.set(new FlagUpdate(name, rollout, null, null, false), null);
    }

    private void awaitRollout(String name, Rollout rollout) {
        Eventually.await(
                LIMIT,
                "the listener to publish " + name + " at " + rollout,
                () -> {
                    Map<String, Flag> flags = published.get();
                    return flags != null
                            && flags.containsKey(name)
                            && flags.get(name).rollout().equals(rollout);
                },
                published::get);
    }

    @Test
    void publishesTheFlagsAtStartAndAgainOnEachNotifiedChange() throws Exception {
        set("checkout-v8", Rollout.OFF);
        start(TestDatabases.source(cluster, db), Duration.ofMillis(200));
        assertThat(listener.connected()).isTrue();
        assertThat(published.get()).containsOnlyKeys("checkout-v8");

        set("checkout-v8", Rollout.parse("25%"));
        awaitRollout("checkout-v8", Rollout.parse("25%"));
        cluster.execute(db, "DELETE FROM keel.flags");
        Eventually.await(
                LIMIT, "the deletion to be published", () -> published.get().isEmpty(), published::get);
    }

    @Test
    void withoutFlagTablesItPublishesNoFlagsAndStillHearsTheFirstSet() throws Exception {
        start(TestDatabases.source(cluster, db), Duration.ofMillis(200));
        assertThat(published.get()).isEmpty();
        set("first", Rollout.ON);
        // The tables did not exist when it subscribed: the channel is the database's, not the table's.
        awaitRollout("first", Rollout.ON);
    }

    @Test
    void reconnectsAfterItsSessionIsKilledAndReadsWhatChangedMeanwhile() throws Exception {
        set("checkout-v8", Rollout.OFF);
        start(TestDatabases.source(cluster, db), Duration.ofSeconds(2));
        assertThat(listener.connected()).isTrue();

        cluster.execute(
                db,
                "SELECT pg_terminate_backend(pid) FROM pg_stat_activity"
                        + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND backend_type = 'client backend'");
        Eventually.await(LIMIT, "the listener to notice its session is gone", () -> !listener.connected());
        // Announced while nobody listened: only the read after reconnecting can bring it.
        set("checkout-v8", Rollout.parse("50%"));

        Eventually.await(LIMIT, "the listener to reconnect", listener::connected);
        awaitRollout("checkout-v8", Rollout.parse("50%"));
        set("checkout-v8", Rollout.ON);
        awaitRollout("checkout-v8", Rollout.ON);
    }

    @Test
    void aNotificationForAnotherSchemaIsNotAReasonToReload() throws Exception {
        set("checkout-v8", Rollout.OFF);
        start(TestDatabases.source(cluster, db), Duration.ofMillis(200));
        int before = publishes.get();

        cluster.execute(db, "NOTIFY " + FlagTables.CHANNEL + ", 'other_state'");
        set("checkout-v8", Rollout.ON);
        awaitRollout("checkout-v8", Rollout.ON);

        assertThat(publishes.get()).as("one reload, for keel's own change").isEqualTo(before + 1);
    }

    @Test
    void anUnreachableDatabaseEndsTheFirstAttemptWithNothingPublished() throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        PGSimpleDataSource nowhere = new PGSimpleDataSource();
        nowhere.setURL("jdbc:postgresql://127.0.0.1:" + port + "/x?connectTimeout=5");
        start(ConnectionSource.of(nowhere), Duration.ofMillis(200));

        assertThat(listener.connected()).isFalse();
        assertThat(published.get()).isNull();
    }

    @Test
    void aRoleThatMayNotReadTheFlagsIsServedAsAnOutageUntilGranted() throws Exception {
        set("checkout-v8", Rollout.ON);
        cluster.execute(db, "DROP ROLE IF EXISTS late_reader; CREATE ROLE late_reader LOGIN");
        start(TestDatabases.sourceAs(cluster, db, "late_reader"), Duration.ofMillis(200));
        assertThat(listener.connected()).isFalse();
        assertThat(published.get()).isNull();

        cluster.execute(db, "GRANT USAGE ON SCHEMA keel TO late_reader; GRANT SELECT ON keel.flags TO late_reader");

        awaitRollout("checkout-v8", Rollout.ON);
        Eventually.await(LIMIT, "the listener to count as connected", listener::connected);
    }

    @Test
    void stopEndsTheThread() throws Exception {
        start(TestDatabases.source(cluster, db), Duration.ofMillis(200));
        listener.stop();
        thread.join(10_000);
        assertThat(thread.isAlive()).isFalse();
        listener = null;
        assertThat(List.of(publishes.get())).containsExactly(1);
    }
}
