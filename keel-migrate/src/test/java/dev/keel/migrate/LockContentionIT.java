package dev.keel.migrate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.error.ExitCode;
import dev.keel.error.KeelException;
import dev.keel.testing.Eventually;
import dev.keel.testing.TestCluster;
import dev.keel.testing.TestProject;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A session holds a lock the migration needs: keel retries, then succeeds once it is released or names the blocker. */
@WithPostgres
class LockContentionIT {
    private final TestCluster cluster;
    private String db;
    private TestProject project;

    LockContentionIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void prepare(@TempDir Path dir) {
        db = cluster.createDatabase();
        cluster.execute(db, "create table orders (id bigint primary key)");
        project = TestProject.in(dir).migration("V1__add_status.sql", "alter table orders add column status text;");
    }

    private Keel keel(List<String> retries, int lockRetries) {
        return Keel.configure()
                .url(cluster.jdbcUrl(db), null, null)
                .projectDir(project.dir())
                .lockTimeout(Duration.ofMillis(200))
                .lockRetries(lockRetries)
                .listener(new MigrationListener() {
                    @Override
                    public void retrying(MigrationScript script, int attempt, int of, Duration wait, String why) {
                        retries.add(attempt + "/" + of + " " + why);
                    }
                })
                .load();
    }

    @Test
    void retriesAndSucceedsWhenTheBlockerLetsGo() throws Exception {
        List<String> retries = new CopyOnWriteArrayList<>();
        try (Connection blocker = cluster.connect(db)) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("set application_name = 'report-job'");
                s.execute("select * from orders");
            }
            CompletableFuture<MigrateResult> migration =
                    CompletableFuture.supplyAsync(() -> keel(retries, 20).migrate());
            Eventually.await(
                    Duration.ofSeconds(30),
                    "the migration to retry its lock",
                    () -> !retries.isEmpty(),
                    () -> migration.isDone() ? "the migration ended without a retry: " + migration : "no retry yet");
            blocker.rollback();
            MigrateResult result = migration.get(60, TimeUnit.SECONDS);
            assertThat(result.applied()).hasSize(1);
        }
        assertThat(retries).first().asString().contains("lock timeout at line 1");
        assertThat(
                        cluster.queryString(
                                db,
                                "select count(*) from information_schema.columns where table_name = 'orders' and column_name = 'status'"))
                .isEqualTo("1");
    }

    @Test
    void givesUpAfterItsRetriesAndNamesTheBlockingSession() throws Exception {
        List<String> retries = new CopyOnWriteArrayList<>();
        KeelException failure;
        try (Connection blocker = cluster.connect(db)) {
            blocker.setAutoCommit(false);
            int pid;
            try (Statement s = blocker.createStatement()) {
                s.execute("set application_name = 'report-job'");
                var rs = s.executeQuery("select pg_backend_pid()");
                rs.next();
                pid = rs.getInt(1);
                s.execute("select * from orders");
            }
            failure = MigrateIT.catchKeel(() -> keel(retries, 3).migrate());
            assertThat(failure.getMessage())
                    .contains("blocked by pid " + pid + " (report-job, idle in transaction for ");
        }
        assertThat(retries).hasSize(3);
        assertThat(failure.exitCode()).isEqualTo(ExitCode.OPERATION);
        assertThat(failure.getMessage())
                .startsWith("V1__add_status.sql:1:1: could not get a lock within 200ms in 4 tries")
                .contains("select * from orders");
        assertThat(cluster.queryString(db, "select count(*) from keel.schema_history"))
                .isEqualTo("0");
    }

    @Test
    void aConcurrentIndexBuildRetriesItsLockToo() throws Exception {
        project.delete("V1__add_status.sql")
                .migration("V1__index.sql", "create index concurrently orders_id_idx on orders (id);");
        List<String> retries = new CopyOnWriteArrayList<>();
        try (Connection blocker = cluster.connect(db)) {
            blocker.setAutoCommit(false);
            try (Statement s = blocker.createStatement()) {
                s.execute("lock table orders in access exclusive mode");
            }
            CompletableFuture<MigrateResult> migration =
                    CompletableFuture.supplyAsync(() -> keel(retries, 20).migrate());
            Eventually.await(
                    Duration.ofSeconds(30),
                    "the migration to retry its lock",
                    () -> !retries.isEmpty(),
                    () -> migration.isDone() ? "the migration ended without a retry: " + migration : "no retry yet");
            blocker.rollback();
            assertThat(migration.get(60, TimeUnit.SECONDS).applied()).hasSize(1);
        }
        assertThat(
                        cluster.queryString(
                                db,
                                "select i.indisvalid from pg_index i join pg_class c on c.oid = i.indexrelid where c.relname = 'orders_id_idx'"))
                .isEqualTo("t");
    }
}
