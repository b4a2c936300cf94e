package dev.keel.change.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.keel.error.KeelException;
import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.live.OperationHarness;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@WithPostgres
class CreateProjectionTest {
    static final String SHOP = "create table users (id int primary key, email text);"
            + " insert into users select g, 'u' || g || '@shop' from generate_series(1, 30) g;"
            + " create table orders (id bigint generated always as identity primary key, user_id int, amount int);"
            + " insert into orders (user_id, amount) select g % 35, g from generate_series(1, 3000) g;";
    static final String CHANGE = "operations:\n  - create_projection: {table: orders, column: customer_email,"
            + " from: {table: users, column: email, key: user_id}}\n";
    static final String DRIFT = "select count(*) from orders o where customer_email is distinct from"
            + " (select email from users u where u.id = o.user_id)";

    @Test
    void theBackfillFillsExistingRowsAndTheTriggersKeepBothSidesRight(TestCluster cluster, @TempDir Path dir)
            throws Exception {
        OperationHarness h = ItemsChange.harness(cluster, dir, SHOP, CHANGE);
        h.start();
        assertThat(h.query(DRIFT)).isEqualTo("0");
        assertThat(h.query("select count(*) from orders where customer_email is not null"))
                .isEqualTo("2575");

        h.old("update users set email = 'new@shop' where id = 3");
        h.old("insert into orders (user_id, amount) values (5, 1)");
        h.old("update orders set user_id = 31 where id = 1");
        h.old("insert into users values (31, 'late@shop')");
        h.old("delete from users where id = 4");
        assertThat(h.query(DRIFT)).isEqualTo("0");
        assertThat(h.query("select kind || ' ' || name from keel.projections"))
                .isEqualTo("projection orders.customer_email");

        h.rollback();
        assertThat(h.columns("orders")).isEqualTo("id,user_id,amount");
        assertThat(h.query("select count(*) from pg_trigger where not tgisinternal"))
                .isEqualTo("0");
    }

    @Test
    void aMissingColumnOrATakenOneIsAFinding(TestCluster cluster, @TempDir Path dir) throws Exception {
        ItemsChange.Project project = ItemsChange.project(
                cluster,
                dir,
                SHOP,
                "operations:\n  - create_projection: {table: orders, column: amount,"
                        + " from: {table: users, column: mail, key: user_id}}\n");

        assertThatThrownBy(() -> project.keel().migrate())
                .isInstanceOf(KeelException.class)
                .hasMessageContaining("column amount already exists in orders (and 1 more");
    }
}
