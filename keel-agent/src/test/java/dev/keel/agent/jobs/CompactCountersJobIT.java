package dev.keel.agent.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.agent.AgentDatabase;
import dev.keel.migrate.Keel;
import dev.keel.migrate.MigrateOptions;
import dev.keel.projection.Projections;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CompactCountersJobIT {

    @Test
    void withoutCountersItDoesNothingAndCreatesNothing(TestCluster cluster) {
        AgentDatabase db = AgentDatabase.fresh(cluster);

        JobResult result = new CompactCountersJob(new Projections(db.source(), "keel")).run();

        assertThat(result.figures()).containsEntry("counters", 0).containsEntry("deltasFolded", 0L);
        assertThat(db.count("select count(*) from pg_class where relname = 'projections'"))
                .isZero();
    }

    @Test
    void foldsEachCountersDeltas(TestCluster cluster, @TempDir Path dir) throws Exception {
        AgentDatabase db = AgentDatabase.fresh(cluster);
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(
                migrations.resolve("V1__orders.sql"),
                "create table orders (id bigint primary key, user_id bigint);"
                        + " insert into orders select i, i % 3 from generate_series(1, 30) i;");
        Files.writeString(
                migrations.resolve("V2__counter.yaml"),
                "operations:\n  - create_counter: {name: per_user, table: orders, group_by: [user_id]}\n");
        Keel.configure()
                .url(db.url(), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .load()
                .migrate(MigrateOptions.defaults().completing());
        db.execute(
                "insert into orders values (31, 1); insert into orders values (32, 2); delete from orders where id = 3");

        JobResult result = new CompactCountersJob(new Projections(db.source(), "keel")).run();

        assertThat(result.figures())
                .containsEntry("counters", 1)
                .containsEntry("deltasFolded", 3L)
                .containsEntry("groupsWritten", 3L);
        assertThat(db.count("select count(*) from per_user_stripes where keel_slot <> 0"))
                .isZero();
        assertThat(db.count("select count from per_user where user_id = 0")).isEqualTo(9);
    }
}
