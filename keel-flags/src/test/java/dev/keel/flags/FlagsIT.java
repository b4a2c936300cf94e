package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.postgresql.ds.PGSimpleDataSource;

@WithPostgres
class FlagsIT {
    private final TestCluster cluster;
    private String db;
    private FlagAdmin admin;

    FlagsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void database() {
        db = cluster.createDatabase();
        admin = new FlagAdmin(TestDatabases.source(cluster, db), "keel");
    }

    private Flags load() {
        return Flags.connect(TestDatabases.dataSource(cluster, db)).load();
    }

    @Test
    void answersFromTheFlagsReadAtLoad() {
        admin.set(new FlagUpdate("checkout-v8", Rollout.OFF, List.of("alice"), null, false), null);
        admin.set(new FlagUpdate("search", Rollout.ON, null, null, false), null);

        try (Flags flags = load()) {
            assertThat(flags.loaded()).isTrue();
            assertThat(flags.enabled("checkout-v8", "alice")).isTrue();
            assertThat(flags.enabled("checkout-v8", "bob")).isFalse();
            assertThat(flags.enabled("search", "bob")).isTrue();
            assertThat(flags.enabled("never-set", "bob"))
                    .as("a flag nobody set is off")
                    .isFalse();
        }
    }

    @Test
    void anApplicationRoleNeedsOnlyUsageAndSelect() {
        admin.set(new FlagUpdate("checkout-v8", Rollout.ON, null, null, false), null);
        cluster.execute(db, "DROP ROLE IF EXISTS flag_reader; CREATE ROLE flag_reader LOGIN");
        cluster.execute(db, "GRANT USAGE ON SCHEMA keel TO flag_reader; GRANT SELECT ON keel.flags TO flag_reader");
        PGSimpleDataSource asReader = TestDatabases.dataSource(cluster, db);
        asReader.setURL(cluster.jdbcUrl(db).replace("user=" + TestCluster.SUPERUSER, "user=flag_reader"));

        try (Flags flags = Flags.connect(asReader).load()) {
            assertThat(flags.loaded()).isTrue();
            assertThat(flags.enabled("checkout-v8", "alice")).isTrue();
            admin.set(new FlagUpdate("checkout-v8", Rollout.OFF, null, null, false), null);
            Eventually.await(
                    Duration.ofSeconds(10),
                    "the reader to see checkout-v8 off",
                    () -> !flags.enabled("checkout-v8", "alice"));
        }
    }

    @Test
    void withoutFlagTablesEveryFlagIsOffAndNothingIsCreated() {
        try (Flags flags = Flags.connect(TestDatabases.dataSource(cluster, db))
                .safeDefault(true)
                .load()) {
            assertThat(flags.loaded()).isTrue();
            assertThat(flags.enabled("anything", "alice")).isFalse();
        }
        assertThat(cluster.queryString(db, "SELECT to_regnamespace('keel') IS NULL"))
                .isEqualTo("t");
    }

    @Test
    void aChangeReachesTheClientWithinOneSecondOfItsCommit() {
        try (Flags flags = load()) {
            assertThat(flags.enabled("checkout-v8", "alice")).isFalse();

            FlagSetResult set = admin.set(new FlagUpdate("checkout-v8", Rollout.ON, null, null, false), null);
            Instant committed = Instant.now();
            Eventually.await(
                    Duration.ofSeconds(10),
                    "the client to see checkout-v8 on",
                    () -> flags.enabled("checkout-v8", "alice"));
            long millis = Duration.between(committed, Instant.now()).toMillis();

            assertThat(millis)
                    .as("the change reached the client %d ms after keel flags set returned", millis)
                    .isLessThanOrEqualTo(1000);
            assertThat(set.after().rollout()).isEqualTo(Rollout.ON);
        }
    }

    @Test
    void aChangeMadeByHandInSqlReachesTheClientToo() {
        admin.set(new FlagUpdate("checkout-v8", Rollout.OFF, null, null, false), null);
        try (Flags flags = load()) {
            cluster.execute(db, "UPDATE keel.flags SET basis_points = 10000 WHERE name = 'checkout-v8'");

            Eventually.await(
                    Duration.ofSeconds(10),
                    "the client to see the hand-made change",
                    () -> flags.enabled("checkout-v8", "bob"));
        }
    }

    @Test
    void theFullReloadCatchesAChangeNoNotificationAnnounced() {
        admin.set(new FlagUpdate("checkout-v8", Rollout.OFF, null, null, false), null);
        cluster.execute(db, "ALTER TABLE keel.flags DISABLE TRIGGER keel_flags_changed");
        try (Flags flags = Flags.connect(TestDatabases.dataSource(cluster, db))
                .reloadInterval(Duration.ofSeconds(1))
                .load()) {
            cluster.execute(db, "UPDATE keel.flags SET basis_points = 10000 WHERE name = 'checkout-v8'");

            Eventually.await(
                    Duration.ofSeconds(10),
                    "the periodic reload to see the silent change",
                    () -> flags.enabled("checkout-v8", "bob"));
        }
    }

    @Test
    void theSchemaVersionIsTheFlagsOnlyForSubjectsItIsOnFor() {
        cluster.execute(db, "CREATE SCHEMA public_v8");
        admin.set(new FlagUpdate("checkout-v8", Rollout.OFF, List.of("alice"), "public_v8", false), null);

        try (Flags flags = load()) {
            assertThat(flags.schemaVersion("checkout-v8", "alice")).contains("public_v8");
            assertThat(flags.schemaVersion("checkout-v8", "bob")).isEmpty();
            assertThat(flags.schemaVersion("other", "alice")).isEmpty();
        }
    }

    @Test
    void aClientOfAnotherStateSchemaSeesOnlyItsOwnFlags() {
        admin.set(new FlagUpdate("f", Rollout.ON, null, null, false), null);
        try (Flags flags = Flags.connect(TestDatabases.dataSource(cluster, db))
                .schema("ops_state")
                .load()) {
            assertThat(flags.loaded()).isTrue();
            assertThat(flags.enabled("f", "alice")).isFalse();
        }
    }
}
