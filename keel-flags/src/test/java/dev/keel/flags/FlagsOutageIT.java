package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The database goes away under a running client: its own cluster, since the tests stop it. */
@WithPostgres
class FlagsOutageIT {
    private final TestCluster cluster;
    private String db;
    private FlagAdmin admin;

    FlagsOutageIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void database() {
        db = cluster.createDatabase();
        admin = new FlagAdmin(TestDatabases.source(cluster, db), "keel");
        admin.set(new FlagUpdate("checkout-v8", Rollout.ON, null, null, false), null);
    }

    @AfterEach
    void running() {
        if (!cluster.cluster().isRunning()) {
            cluster.start();
        }
    }

    private Flags load(boolean safeDefault) {
        return Flags.connect(TestDatabases.dataSource(cluster, db))
                .safeDefault(safeDefault)
                .retry(Duration.ofMillis(50), Duration.ofMillis(500))
                .load();
    }

    @Test
    void theLastValuesReadAreServedWhileTheDatabaseIsDownAndNewOnesAfterItReturns() {
        try (Flags flags = load(false)) {
            assertThat(flags.enabled("checkout-v8", "alice")).isTrue();

            cluster.stop();
            Eventually.await(Duration.ofSeconds(30), "the client to notice the outage", () -> !flags.connected());
            for (int i = 0; i < 20; i++) {
                assertThat(flags.enabled("checkout-v8", "alice"))
                        .as("served while down")
                        .isTrue();
            }
            cluster.start();
            admin.set(new FlagUpdate("checkout-v8", Rollout.OFF, null, null, false), null);

            Eventually.await(
                    Duration.ofSeconds(30),
                    "the client to reconnect and see checkout-v8 off",
                    () -> !flags.enabled("checkout-v8", "alice"));
        }
    }

    @Test
    void theSafeDefaultIsServedUntilTheFirstReadAndTheRealValueAfterIt() {
        cluster.stop();
        try (Flags on = load(true);
                Flags off = load(false)) {
            assertThat(on.loaded()).isFalse();
            assertThat(on.enabled("checkout-v8", "alice")).isTrue();
            assertThat(off.enabled("checkout-v8", "alice")).isFalse();
            assertThat(off.enabled("never-set", "alice")).isFalse();

            cluster.start();

            Eventually.await(
                    Duration.ofSeconds(30),
                    "the safe-default-false client to read checkout-v8 on",
                    () -> off.enabled("checkout-v8", "alice"));
            Eventually.await(Duration.ofSeconds(30), "the safe-default-true client to read the flags", on::loaded);
            assertThat(on.enabled("never-set", "alice"))
                    .as("once read, an unset flag is off whatever the safe default")
                    .isFalse();
        }
    }
}
