package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.migrate.MigrateOptions;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No hot row: writers of one group, and a compaction, go on while other writers of that group hold their
 * transactions open. Each statement here would hit its statement_timeout if it waited for another.
 */
@WithPostgres
class CounterNoWaitIT {

    @Test
    void writersOfOneGroupAndACompactionNeverWaitForOpenTransactions(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        CounterProject project = CounterProject.create(cluster, dir);
        project.keel.migrate(MigrateOptions.defaults().completing());
        try (Connection a = cluster.connect(project.db);
                Connection b = cluster.connect(project.db);
                Connection compactor = cluster.connect(project.db);
                Statement sa = a.createStatement();
                Statement sb = b.createStatement();
                Statement sc = compactor.createStatement()) {
            for (Statement s : new Statement[] {sa, sb, sc}) {
                s.execute("set statement_timeout = '2s'");
            }
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            sa.execute("insert into orders (writer, user_id, amount) values (1, 7, 10)");
            sb.execute("insert into orders (writer, user_id, amount) values (2, 7, 20)");
            sa.execute("update orders set amount = amount + 1 where writer = 1 and user_id = 7");
            sb.execute("delete from orders where writer = 2 and user_id = 7 and amount < 100");
            sa.execute("update orders set user_id = null where writer = 1 and user_id = 8");

            CounterDefinition counter =
                    CounterDefinition.fromJson(project.query("select definition from keel.projections"));
            sc.execute(new CounterSql(counter).compact("keel.projections"));

            a.commit();
            b.rollback();
        }
        assertThat(project.query("select count(*) > 0 from orders_per_user_stripes where keel_slot <> 0"))
                .as("the deltas of a transaction open during the compaction stay for the next one")
                .isEqualTo("t");
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
        project.projections().compact(null);
        assertThat(project.query(CounterProject.DIFFERENCE)).isEqualTo("0");
    }
}
