package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import dev.keel.migrate.MigrateOptions;
import dev.keel.migrate.MigrationVersion;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CounterVerifyIT {

    private static CounterProject counted(TestCluster cluster, Path dir) throws Exception {
        CounterProject project = CounterProject.create(cluster, dir);
        project.keel.migrate(MigrateOptions.defaults().completing());
        return project;
    }

    @Test
    void reportsEachDriftedGroupAndRepairFixesItExactlyWhileWritersRun(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        CounterProject project = counted(cluster, dir);
        String expected3 = project.query(
                "select count(*) || '/' || sum(amount) from orders where status = 'paid' and user_id = 3");
        cluster.execute(
                project.db,
                "delete from orders_per_user_stripes where user_id = 3;"
                        + " insert into orders_per_user_stripes values (99, 0, 2, 10), (null, 0, 1, 0)");
        Projections projections = project.projections();

        Projections.VerifyResult found = projections.verify("orders_per_user", null, false);

        assertThat(found.unrepairedDrift()).isTrue();
        CounterVerify.Result result = found.counters().get(0);
        assertThat(result.counter()).isEqualTo("public.orders_per_user");
        assertThat(result.driftedGroups()).isEqualTo(3);
        assertThat(result.drifted())
                .extracting(g -> g.group().get(0) + ":" + g.trueCount() + "/" + g.trueSum() + " vs " + g.counterCount()
                        + "/" + g.counterSum())
                .contains(
                        "3:" + expected3 + " vs 0/0",
                        "99:0/0 vs 2/10",
                        "null:"
                                + project.query(
                                        "select count(*) || '/' || sum(amount) from orders where status = 'paid'"
                                                + " and user_id is null")
                                + " vs "
                                + project.query("select (count(*) + 1) || '/' || sum(amount) from orders where"
                                        + " status = 'paid' and user_id is null"));
        assertThat(projections.verify("public.orders_per_user", 1000, false).unrepairedDrift())
                .isTrue();

        OrderWriters writers = new OrderWriters(project.url(), 5).start(CounterProject.WRITERS);
        Projections.VerifyResult repaired;
        try {
            writers.awaitCommits(30);
            repaired = projections.verify(null, null, true);
            writers.awaitCommits(30);
        } finally {
            writers.stop();
        }
        assertThat(writers.errors()).isEmpty();
        assertThat(repaired.counters().get(0).repaired()).isTrue();
        assertThat(repaired.unrepairedDrift()).isFalse();
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
        assertThat(projections.verify(null, null, false).unrepairedDrift()).isFalse();
        assertThat(project.query("select last_verified is not null from keel.projections"))
                .isEqualTo("t");
    }

    @Test
    void aSampleComparesThatManyGroups(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        cluster.execute(project.db, "update orders_per_user_stripes set keel_count = keel_count + 1");
        Projections projections = project.projections();

        assertThat(projections.verify(null, 3, false).counters().get(0).driftedGroups())
                .isEqualTo(3);
        assertThat(projections.verify(null, 1000, false).counters().get(0).driftedGroups())
                .isEqualTo(Long.parseLong(project.query("select count(*) from orders_per_user")));
    }

    @Test
    void compactionAndVerifyLeaveACounterAloneUntilItsBaseRowsAreWritten(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        CounterProject project = counted(cluster, dir);
        cluster.execute(project.db, "update keel.projections set state = 'initialising'");
        cluster.execute(project.db, "insert into orders (writer, user_id, amount) values (1, 1, 1)");
        Projections projections = project.projections();

        assertThat(projections.compact(null).counters().get(0).skipped()).contains("not written yet");
        assertThat(projections.verify(null, null, true).counters().get(0).skipped())
                .contains("not written yet");
        assertThat(project.query("select count(*) from orders_per_user_stripes where keel_slot <> 0"))
                .isEqualTo("1");
        // Also when the state was read as ready before: the statement itself looks again, in its own snapshot.
        CounterDefinition counter =
                CounterDefinition.fromJson(project.query("select definition from keel.projections"));
        cluster.execute(project.db, new CounterSql(counter).compact("keel.projections"));
        cluster.execute(project.db, "update orders_per_user_stripes set keel_count = keel_count + 1 where user_id = 3");
        String rows = project.query("select count(*) from orders_per_user_stripes");
        cluster.execute(project.db, new CounterSql(counter).compare(null, true, "keel.projections"));
        assertThat(project.query("select count(*) from orders_per_user_stripes where keel_slot <> 0"))
                .isEqualTo("1");
        assertThat(project.query("select count(*) from orders_per_user_stripes"))
                .isEqualTo(rows);
    }

    @Test
    void anUnknownNameIsAUsageError(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);

        assertThatThrownBy(() -> project.projections().verify("nope", null, false))
                .isInstanceOfSatisfying(
                        KeelException.class, e -> assertThat(e.code()).isEqualTo(MigrateError.PROJECTION_UNKNOWN))
                .hasMessageContaining("no counter or projection named nope");
    }

    @Test
    void aGroupsReadPushesItsConditionBelowTheSumToTheStripesIndex(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        CounterProject project = counted(cluster, dir);
        StringBuilder plan = new StringBuilder();
        try (Connection c = cluster.connect(project.db);
                Statement s = c.createStatement()) {
            s.execute("set enable_seqscan = off");
            try (ResultSet rs = s.executeQuery("explain select * from orders_per_user where user_id = 3")) {
                while (rs.next()) {
                    plan.append(rs.getString(1)).append('\n');
                }
            }
        }

        assertThat(plan.toString()).contains("orders_per_user_stripes_group").contains("Index Cond: (user_id = 3)");
    }

    @Test
    void theBaseRowsWrittenAgainByAResumedStartAddNothing(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        CounterDefinition counter =
                CounterDefinition.fromJson(project.query("select definition from keel.projections"));

        cluster.execute(project.db, new CounterSql(counter).initialise("keel.projections"));

        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
        assertThat(project.query("select count(*) from orders_per_user_stripes where keel_slot = 0"))
                .isEqualTo(project.query("select count(*) from orders_per_user"));
    }

    @Test
    void aRoleThatMayWriteAndReadTheTableCountsAndReadsWithoutRightsOnTheStripes(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        cluster.execute(
                "postgres",
                "do $$ begin create role counter_app login; exception when duplicate_object then" + " null; end $$");
        CounterProject project = CounterProject.create(cluster, dir);
        project.keel.migrate(new MigrateOptions(MigrationVersion.parse("1"), false, false));
        cluster.execute(
                project.db,
                "grant select, insert, update, delete, truncate on orders to counter_app;"
                        + " grant usage on sequence orders_id_seq to counter_app");
        project.keel.migrate(MigrateOptions.defaults().completing());
        String url = project.url().replace("user=postgres", "user=counter_app");

        try (Connection c = DriverManager.getConnection(url);
                Statement s = c.createStatement()) {
            s.execute("insert into orders (writer, user_id, amount) values (1, 1, 5), (1, null, 7)");
            s.execute("update orders set user_id = 2 where id = 1");
            s.execute("delete from orders where id = 2");
            try (ResultSet rs = s.executeQuery("select count(*) from orders_per_user")) {
                rs.next();
                assertThat(rs.getLong(1)).isPositive();
            }
            assertThatThrownBy(() -> s.executeQuery("select * from orders_per_user_stripes"))
                    .hasMessageContaining("permission denied");
        }
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }
}
