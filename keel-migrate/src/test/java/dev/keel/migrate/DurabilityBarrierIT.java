package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Migrations commit without waiting for their own WAL flush; keel must not report them applied before
 * they are durable. The server is killed the moment migrate returns: nothing it reported may be lost.
 */
@WithPostgres(durable = true, settings = "wal_writer_delay=10s")
class DurabilityBarrierIT {

    @Test
    void everythingReportedAppliedSurvivesAServerCrashRightAfterwards(TestCluster cluster, @TempDir Path dir) {
        String db = cluster.createDatabase();
        TestProject project = TestProject.in(dir);
        for (int i = 1; i <= 40; i++) {
            project.migration(
                    "V" + i + "__t" + i + ".sql",
                    "create table t" + i + " (id int); insert into t" + i + " values (" + i + ");");
        }
        MigrateResult result = Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(dir)
                .load()
                .migrate();
        cluster.kill9();
        cluster.start();
        assertThat(result.count()).isEqualTo(40);
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history where success"))
                .isEqualTo("40");
        assertThat(cluster.queryString(db, "select count(*) from pg_tables where tablename ~ '^t[0-9]+$'"))
                .isEqualTo("40");
    }

    @Test
    void theBarrierIsWhatMakesItDurable(TestCluster cluster) throws Exception {
        // Without the barrier an asynchronous commit is lost in a crash within wal_writer_delay: this is the risk it
        // closes.
        String db = cluster.createDatabase();
        try (var c = cluster.connect(db);
                var s = c.createStatement()) {
            s.execute("create table before_crash (id int)");
            s.execute("checkpoint");
            s.execute("set synchronous_commit = off");
            s.execute("insert into before_crash values (1)");
        }
        cluster.kill9();
        cluster.start();
        assertThat(cluster.queryString(db, "select count(*) from before_crash")).isEqualTo("0");
    }
}
