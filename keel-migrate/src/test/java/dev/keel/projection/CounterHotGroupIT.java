package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.MigrateOptions;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A group every statement writes: a session folds its own delta rows of it, so reading it stays short. */
@WithPostgres
class CounterHotGroupIT {
    private static final String DELTA_ROWS =
            "select count(*) from orders_per_user_stripes where user_id = 5 and keel_slot <> 0";

    private static CounterProject counted(TestCluster cluster, Path dir) throws Exception {
        CounterProject project = CounterProject.create(cluster, dir);
        project.keel.migrate(MigrateOptions.defaults().completing());
        return project;
    }

    private static void insert(Statement s, int times) throws Exception {
        for (int i = 0; i < times; i++) {
            s.execute("insert into orders (writer, user_id, amount) values (1, 5, " + i + ")");
        }
    }

    private static long pid(Statement s) throws Exception {
        return number(s, "select pg_backend_pid()");
    }

    private static long number(Statement s, String sql) throws Exception {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aSessionKeepsAFewRowsOfAGroupNotOnePerStatement(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        try (Connection a = cluster.connect(project.db);
                Connection b = cluster.connect(project.db);
                Statement sa = a.createStatement();
                Statement sb = b.createStatement()) {
            for (int round = 0; round < 40; round++) {
                insert(sa, 3);
                insert(sb, 2);
                sb.execute("delete from orders where user_id = 5 and amount = 1 and writer = 1");
            }
        }
        assertThat(Integer.parseInt(project.query(DELTA_ROWS)))
                .as("two sessions, 240 statements: each folds its rows once in %s transactions", CounterSql.FOLD_EVERY)
                .isLessThanOrEqualTo(4 * CounterSql.FOLD_EVERY);
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
        project.projections().compact(null);
        assertThat(project.query(DELTA_ROWS)).isEqualTo("0");
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }

    @Test
    void aFoldingTransactionFoldsOnceNotAfterEveryStatement(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        try (Connection a = cluster.connect(project.db);
                Statement sa = a.createStatement()) {
            insert(sa, 3);
            a.setAutoCommit(false);
            for (int attempt = 0; ; attempt++) {
                // Transaction ids are taken one by one until the next is a folding one.
                while (txid(sa) % CounterSql.FOLD_EVERY != CounterSql.FOLD_EVERY - 1) {
                    a.commit();
                }
                a.commit();
                if (txid(sa) % CounterSql.FOLD_EVERY == 0) {
                    break;
                }
                a.rollback();
                assertThat(attempt)
                        .as("another session took the folding transaction id")
                        .isLessThan(5);
            }
            insert(sa, 50);
            assertThat(number(sa, "select count(*) from orders_per_user_stripes where keel_slot = -pg_backend_pid()"))
                    .as("the first statement's fold, then a delta row for each of the 49 others")
                    .isEqualTo(50);
            a.commit();
        }
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }

    private static long txid(Statement s) throws Exception {
        return number(s, "select txid_current()");
    }

    @Test
    void aRolledBackStatementLeavesTheRowAsItWas(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        try (Connection a = cluster.connect(project.db);
                Statement sa = a.createStatement()) {
            insert(sa, 2);
            a.setAutoCommit(false);
            insert(sa, 3);
            sa.execute("savepoint s");
            insert(sa, 4);
            sa.execute("rollback to savepoint s");
            insert(sa, 1);
            a.commit();
            insert(sa, 5);
            a.rollback();
        }
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }

    @Test
    void aFoldSkipsRowsAnotherTransactionHolds(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        try (Connection writer = cluster.connect(project.db);
                Connection holder = cluster.connect(project.db);
                Statement sw = writer.createStatement();
                Statement sh = holder.createStatement()) {
            sw.execute("set statement_timeout = '2s'");
            insert(sw, 5);
            holder.setAutoCommit(false);
            sh.execute("select * from orders_per_user_stripes where keel_slot = -" + pid(sw) + " for update");
            insert(sw, 3 * CounterSql.FOLD_EVERY);
            holder.rollback();
        }
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }

    @Test
    void repeatableReadWritersInsertARowPerStatement(TestCluster cluster, @TempDir Path dir) throws Exception {
        CounterProject project = counted(cluster, dir);
        try (Connection a = cluster.connect(project.db);
                Statement sa = a.createStatement()) {
            a.setAutoCommit(false);
            sa.execute("set transaction isolation level repeatable read");
            insert(sa, 3);
            a.commit();
        }
        assertThat(project.query("select count(*) from orders_per_user_stripes where user_id = 5 and keel_slot > 0"))
                .isEqualTo("3");
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }
}
