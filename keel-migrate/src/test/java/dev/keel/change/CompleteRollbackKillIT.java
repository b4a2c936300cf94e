package dev.keel.change;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.Keel;
import dev.keel.testing.Eventually;
import dev.keel.testing.JavaProcess;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A keel process killed with SIGKILL while complete or rollback waits for a lock an application transaction holds:
 * the next run of the same command finishes, and the end state is the one a clean run leaves.
 */
@WithPostgres
class CompleteRollbackKillIT {

    private static Keel start(TestCluster cluster, String db, Path dir) throws Exception {
        Path m = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(
                m.resolve("V1__accounts.sql"),
                "create table accounts (id int primary key, balance int not null);"
                        + " insert into accounts select i, i from generate_series(1, 100) i;");
        Files.writeString(
                m.resolve("V2__bigint_balance.yaml"),
                "operations:\n  - alter_column: {table: accounts, column: balance, type: bigint}\n"
                        + "  - create_index: {name: accounts_balance_idx, table: accounts, columns: [balance]}\n");
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .load();
        keel.migrate();
        return keel;
    }

    /** Runs {@code verb} in a keel process while a reader holds the table, and kills it once it is waiting. */
    private static void killWhileBlocked(TestCluster cluster, String db, Path dir, String verb, String phase)
            throws Exception {
        try (Connection reader = cluster.connect(db);
                Statement s = reader.createStatement()) {
            reader.setAutoCommit(false);
            s.execute("select count(*) from accounts");
            JavaProcess keel = JavaProcess.start(
                    ChangeProcessMain.class.getName(),
                    dir,
                    Map.of(),
                    List.of(verb, cluster.jdbcUrl(db), dir.toString(), "1000", "0"));
            Eventually.await(
                    Duration.ofSeconds(60),
                    "keel " + verb + " to wait for the table's lock",
                    () -> phase.equals(cluster.queryString(db, "select phase from keel.change_state"))
                            && "1".equals(cluster.queryString(db, "select count(*) from pg_locks where not granted")),
                    keel::stderr);
            keel.kill9();
            keel.waitFor(10);
            reader.rollback();
        }
    }

    @Test
    void aKilledCompleteFinishesOnTheNextRun(TestCluster cluster, @TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        Keel keel = start(cluster, db, dir);
        killWhileBlocked(cluster, db, dir, "complete", ChangeState.COMPLETING);
        // Nothing of complete's transaction happened: both versions are still served.
        assertThat(cluster.queryString(db, "select to_regnamespace('public_v1') is not null"))
                .isEqualTo("t");

        keel.complete();
        assertThat(cluster.queryString(
                        db,
                        "select format_type(atttypid, atttypmod) from pg_attribute"
                                + " where attrelid = 'accounts'::regclass and attname = 'balance'"))
                .isEqualTo("bigint");
        assertThat(cluster.queryString(db, "select sum(balance) from public_v2.accounts"))
                .isEqualTo("5050");
        assertThat(keel.status().active()).isFalse();
        assertThat(cluster.queryString(db, "select phase from keel.schema_history where version = '2'"))
                .isEqualTo("complete");
    }

    @Test
    void aKilledRollbackFinishesOnTheNextRun(TestCluster cluster, @TempDir Path dir) throws Exception {
        String db = cluster.createDatabase();
        Keel keel = start(cluster, db, dir);
        killWhileBlocked(cluster, db, dir, "rollback", ChangeState.ROLLING_BACK);

        keel.rollback();
        assertThat(cluster.queryString(
                        db,
                        "select string_agg(attname, ',' order by attnum) from pg_attribute"
                                + " where attrelid = 'accounts'::regclass and attnum > 0 and not attisdropped"))
                .isEqualTo("id,balance");
        assertThat(cluster.queryString(db, "select to_regclass('accounts_balance_idx') is null"))
                .isEqualTo("t");
        assertThat(cluster.queryString(db, "select sum(balance) from accounts")).isEqualTo("5050");
        assertThat(cluster.queryString(db, "select count(*) from pg_namespace where nspname like 'public_v%'"))
                .isEqualTo("0");
    }
}
