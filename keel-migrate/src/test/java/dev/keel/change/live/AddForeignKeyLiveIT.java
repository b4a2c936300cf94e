package dev.keel.change.live;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import dev.keel.testing.WithSeededRandom;
import dev.keel.testing.live.ShapeSql;
import dev.keel.testing.live.ValueSource;
import java.nio.file.Path;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * add_constraint of a foreign key under live load: added NOT VALID at start, so new rows of both versions are
 * checked at once, and validated at complete without blocking writes.
 */
@WithPostgres
@WithSeededRandom
class AddForeignKeyLiveIT {
    private static final String SETUP = "create table customers (id bigint primary key);"
            + " insert into customers select g from generate_series(1, 100) g;"
            + " alter table orders add column customer_id bigint; update orders set customer_id = 1 + id % 100;";
    private static final String CHANGE =
            "operations:\n  - add_constraint: {table: orders, name: orders_customer_fk, type: foreign_key,"
                    + " columns: [customer_id], references: {table: customers, columns: [id]}}\n";
    /** An existing customer: every write keeps the key the constraint checks. */
    private static final ValueSource CUSTOMER = random -> 1L + random.nextInt(100);

    private static final LiveChangeCase CASE = LiveChangeCase.of(CHANGE)
            .setup(SETUP)
            .versions(
                    ShapeSql.forColumns("orders", "id", "customer_id", CUSTOMER),
                    ShapeSql.forColumns("orders", "id", "customer_id", CUSTOMER))
            .compare("select id, customer_id from orders order by id");

    @Test
    void bothVersionsRunThroughStartAndComplete(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.completedUnderLoad(cluster, dir, random);
        assertThat(change.query("select convalidated from pg_constraint where conname = 'orders_customer_fk'"))
                .isEqualTo("t");
    }

    @Test
    void bothVersionsRunThroughStartAndRollback(TestCluster cluster, @TempDir Path dir, Random random)
            throws Exception {
        LiveChange change = CASE.rolledBackUnderLoad(cluster, dir, random);
        assertThat(change.query("select count(*) from pg_constraint where conname = 'orders_customer_fk'"))
                .isEqualTo("0");
    }
}
