package dev.keel.advise;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Unused, duplicate, redundant and invalid indexes and a foreign key without index, each provoked on purpose. */
@WithPostgres
class IndexHealthIT {

    @Test
    void findsEachProvokedProblemAndLeavesConstraintIndexesAlone(TestCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE customers (id bigint PRIMARY KEY, email text UNIQUE);
                CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, number int, due date);
                CREATE INDEX invoices_number ON invoices (number);
                CREATE INDEX invoices_number_again ON invoices (number);
                CREATE INDEX invoices_number_due ON invoices (number, due);
                INSERT INTO customers VALUES (1, 'a@example.com');
                INSERT INTO invoices VALUES (1, 1, 7, current_date), (2, 1, 7, current_date);
                """);
        try {
            cluster.execute(db, "CREATE UNIQUE INDEX CONCURRENTLY invoices_number_unique ON invoices (number)");
        } catch (IllegalStateException expected) {
            // Duplicate numbers: the build fails and leaves the index behind, invalid.
        }

        List<HealthFinding> findings;
        try (Connection c = cluster.connect(db)) {
            findings = IndexHealth.check(c, "keel");
        }

        assertThat(findings).extracting(HealthFinding::kind, HealthFinding::index).contains(
                tuple(HealthFinding.Kind.INVALID, "invoices_number_unique"),
                tuple(HealthFinding.Kind.DUPLICATE, "invoices_number_again"),
                tuple(HealthFinding.Kind.REDUNDANT, "invoices_number"),
                tuple(HealthFinding.Kind.UNUSED, "invoices_number_due"),
                tuple(HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX, "invoices_customer_id_fkey"));
        // Primary keys and unique constraints enforce something even when no query reads them.
        assertThat(findings).extracting(HealthFinding::index).doesNotContain("customers_pkey", "customers_email_key", "invoices_pkey");
        assertThat(findings).filteredOn(f -> f.kind() == HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo("CREATE INDEX CONCURRENTLY IF NOT EXISTS \"invoices_customer_id_idx\" ON \"public\".\"invoices\" (\"customer_id\");"));
        assertThat(findings).filteredOn(f -> f.kind() == HealthFinding.Kind.DUPLICATE).singleElement()
                .satisfies(f -> assertThat(f.fix()).isEqualTo("DROP INDEX CONCURRENTLY IF EXISTS \"public\".\"invoices_number_again\";"));
    }

    @Test
    void aForeignKeyLedByAnIndexIsFine(TestCluster cluster) throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE customers (id bigint PRIMARY KEY);
                CREATE TABLE invoices (id bigint PRIMARY KEY, customer_id bigint REFERENCES customers, due date);
                CREATE INDEX invoices_customer_due ON invoices (customer_id, due);
                """);
        try (Connection c = cluster.connect(db)) {
            assertThat(IndexHealth.check(c, "keel")).extracting(HealthFinding::kind).doesNotContain(HealthFinding.Kind.FOREIGN_KEY_WITHOUT_INDEX);
        }
    }
}
