package dev.keel.flags;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@WithPostgres
class FlagAdminIT {
    private final TestCluster cluster;
    private String db;
    private FlagAdmin admin;

    FlagAdminIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void database() {
        db = cluster.createDatabase();
        admin = new FlagAdmin(TestDatabases.source(cluster, db), "keel");
    }

    @Test
    void theFirstSetCreatesTheTablesAndRecordsWhoAndWhen() {
        assertThat(admin.list().flags()).isEmpty();

        FlagSetResult set = admin.set(new FlagUpdate("checkout-v8", Rollout.parse("10%"), null, null, false), "alice");

        assertThat(cluster.queryString(db, "SELECT to_regclass('keel.flags') IS NOT NULL"))
                .isEqualTo("t");
        assertThat(set.before()).isNull();
        assertThat(set.after().rollout()).hasToString("10%");
        assertThat(set.after().updatedBy()).isEqualTo("postgres (alice)");
        assertThat(set.change().databaseRole()).isEqualTo("postgres");
        assertThat(set.change().actor()).isEqualTo("alice");
        assertThat(set.change().changedAt()).isNotNull();
    }

    @Test
    void historyListsEveryChangeWithItsBeforeAndAfter() {
        admin.set(new FlagUpdate("checkout-v8", Rollout.OFF, List.of("alice"), null, false), "ops");
        admin.set(new FlagUpdate("checkout-v8", Rollout.parse("50%"), null, null, false), "ops");
        admin.set(new FlagUpdate("checkout-v8", null, List.of(), null, false), "bob");

        List<FlagChange> changes = admin.history("checkout-v8").changes();

        assertThat(changes).extracting(FlagChange::before).containsExactly(null, Rollout.OFF, Rollout.parse("50%"));
        assertThat(changes)
                .extracting(FlagChange::after)
                .extracting(Rollout::toString)
                .containsExactly("off", "50%", "50%");
        assertThat(changes.get(2).allowBefore()).containsExactly("alice");
        assertThat(changes.get(2).allowAfter()).isEmpty();
        assertThat(changes.get(2).actor()).isEqualTo("bob");
        assertThat(admin.get("checkout-v8").flag().allow()).isEmpty();
    }

    @Test
    void listShowsEveryFlagByName() {
        admin.set(new FlagUpdate("b-flag", Rollout.ON, null, null, false), null);
        admin.set(new FlagUpdate("a-flag", Rollout.OFF, null, null, false), null);

        assertThat(admin.list().flags()).extracting(Flag::name).containsExactly("a-flag", "b-flag");
        assertThat(admin.get("b-flag").flag().updatedBy()).isEqualTo("postgres");
    }

    @Test
    void anUnknownFlagIsAUsageErrorThatSaysHowToCreateIt() {
        admin.set(new FlagUpdate("known", Rollout.ON, null, null, false), null);

        for (Callable<?> call : List.<Callable<?>>of(() -> admin.get("nope"), () -> admin.history("nope"))) {
            assertThatThrownBy(call::call)
                    .isInstanceOfSatisfying(
                            KeelException.class, e -> assertThat(e.code()).isEqualTo(FlagError.FLAG_UNKNOWN))
                    .hasMessageContaining("keel flags set nope off");
        }
    }

    @Test
    void aSchemaVersionMustExist() {
        assertThatThrownBy(() -> admin.set(new FlagUpdate("f", Rollout.ON, null, "public_v8", false), null))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(FlagError.SCHEMA_VERSION_MISSING));

        cluster.execute(db, "CREATE SCHEMA public_v8");
        assertThat(admin.set(new FlagUpdate("f", Rollout.ON, null, "public_v8", false), null)
                        .after()
                        .schemaVersion())
                .isEqualTo("public_v8");
        assertThat(admin.set(new FlagUpdate("f", null, null, null, true), null)
                        .after()
                        .schemaVersion())
                .isNull();
    }

    @Test
    void twoFirstWritersAtOnceBothSucceed() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<FlagSetResult>> sets = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                String name = "flag-" + i;
                sets.add(pool.submit(() -> admin.set(new FlagUpdate(name, Rollout.ON, null, null, false), null)));
            }
            for (Future<FlagSetResult> set : sets) {
                assertThat(set.get().after().rollout()).isEqualTo(Rollout.ON);
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(admin.list().flags()).hasSize(4);
    }

    @Test
    void theStateSchemaIsConfigurable() {
        new FlagAdmin(TestDatabases.source(cluster, db), "ops_state")
                .set(new FlagUpdate("f", Rollout.ON, null, null, false), null);

        assertThat(cluster.queryString(db, "SELECT to_regclass('ops_state.flag_history') IS NOT NULL"))
                .isEqualTo("t");
        assertThat(admin.list().flags()).isEmpty();
    }

    @Test
    void aRoleWithoutCreateOnTheDatabaseUsesASchemaPreparedForIt() {
        cluster.execute(db, "DROP ROLE IF EXISTS flag_app; CREATE ROLE flag_app LOGIN");
        cluster.execute(db, "REVOKE CREATE ON DATABASE " + db + " FROM PUBLIC");
        FlagAdmin asApp = new FlagAdmin(TestDatabases.sourceAs(cluster, db, "flag_app"), "keel");

        assertThatThrownBy(() -> asApp.set(new FlagUpdate("f", Rollout.ON, null, null, false), null))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(CoreError.PRIVILEGE_MISSING))
                .hasMessageContaining("CREATE SCHEMA keel AUTHORIZATION flag_app");

        cluster.execute(db, "CREATE SCHEMA keel AUTHORIZATION flag_app");
        assertThat(asApp.set(new FlagUpdate("f", Rollout.ON, null, null, false), null)
                        .change()
                        .databaseRole())
                .isEqualTo("flag_app");
    }
}
