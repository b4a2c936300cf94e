package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * False alarms found on real histories (a 340-migration open-source project was refused on its first
 * install with 19 of them): each is a case the schema model now gets right.
 */
class FalseAlarmRegressionTest {
    private static final String SEVENTY = "orders_customer_id_created_at_status_shipping_country_region_idx_longr";

    private static List<Finding> check(SchemaModel schema, String... files) {
        List<CheckInput> inputs = new ArrayList<>();
        for (int i = 0; i < files.length; i++) {
            inputs.add(new CheckInput("V" + (i + 1) + ".sql", files[i]));
        }
        return Checker.withAllRules(17).check(inputs, schema).findings();
    }

    private static List<String> errors(SchemaModel schema, String... files) {
        return check(schema, files).stream()
                .filter(f -> f.severity() == Severity.ERROR)
                .map(f -> f.file() + ":" + f.line() + " " + f.rule())
                .toList();
    }

    @Test
    void anIndexOnAMaterializedViewCreatedInTheSameRunIsNoLiveTable() {
        assertThat(errors(new SchemaModel(), """
                CREATE TABLE t(id bigint PRIMARY KEY);
                CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
                CREATE UNIQUE INDEX mv_id ON mv(id);
                """)).isEmpty();
    }

    @Test
    void dropIndexOfAnIndexRenamedEarlierIsNoLiveIndex() {
        assertThat(errors(
                        new SchemaModel(),
                        "CREATE TABLE t(id bigint PRIMARY KEY, a int);",
                        "CREATE INDEX i1 ON t(a);",
                        "ALTER INDEX i1 RENAME TO i2;\nDROP INDEX i2;"))
                .isEmpty();
        assertThat(check(
                        new SchemaModel(),
                        "CREATE INDEX CONCURRENTLY i1 ON t(a);",
                        "ALTER INDEX i1 RENAME TO i2;\nDROP INDEX i2;"))
                .extracting(Finding::rule)
                .doesNotContain("require-concurrent-index-deletion");
    }

    @Test
    void anIndexRenamedAwayIsNotTheOldNameAnyMore() {
        // The name i1 now belongs to nothing the files created: a later DROP INDEX i1 is of some other, live index.
        assertThat(check(
                        new SchemaModel(),
                        "CREATE INDEX CONCURRENTLY i1 ON t(a);",
                        "ALTER INDEX i1 RENAME TO i2;",
                        "CREATE INDEX CONCURRENTLY i1 ON t(b);\nDROP INDEX i1;"))
                .extracting(Finding::rule)
                .doesNotContain("require-concurrent-index-deletion");
    }

    @Test
    void dropIndexOfAnIndexWhoseLongNamePostgresTruncatedMatchesIt() {
        String stored = SEVENTY.substring(0, 63);
        assertThat(SEVENTY).hasSize(70);
        assertThat(check(
                        new SchemaModel(),
                        "CREATE INDEX CONCURRENTLY " + SEVENTY + " ON orders (customer_id);",
                        "DROP INDEX " + stored + ";",
                        "CREATE INDEX CONCURRENTLY " + SEVENTY + " ON orders (customer_id);",
                        "DROP INDEX " + SEVENTY + ";"))
                .extracting(Finding::rule)
                .doesNotContain("require-concurrent-index-deletion");
    }

    @Test
    void dropTableIfExistsOfATableTheTargetLacksIsNotRowsGone() {
        assertThat(errors(new SchemaModel(true), "DROP TABLE IF EXISTS x;")).isEmpty();
        assertThat(errors(new SchemaModel(), "CREATE TABLE x (id bigint);\nDROP TABLE x;", "DROP TABLE IF EXISTS x;"))
                .isEmpty();
    }

    @Test
    void dropTableOfATableTheTargetHasIsStillAnError() {
        SchemaModel target = new SchemaModel(true);
        target.addRelation("x", SchemaModel.RelationKind.TABLE, false, 10);
        assertThat(errors(target, "DROP TABLE IF EXISTS x;")).containsExactly("V1.sql:1 dropping-table");
    }

    @Test
    void aFreshDatabaseHasNoLiveTableToProtect() {
        assertThat(errors(new SchemaModel(true), """
                CREATE TABLE accounts (id bigint PRIMARY KEY, email text);
                INSERT INTO accounts VALUES (1, 'a@example.com');
                """, """
                CREATE INDEX accounts_email ON accounts (email);
                ALTER TABLE accounts ALTER COLUMN email SET NOT NULL;
                ALTER TABLE accounts ADD CONSTRAINT accounts_email_key UNIQUE (email);
                ALTER TABLE accounts RENAME COLUMN email TO login;
                """, """
                DROP INDEX accounts_email;
                ALTER TABLE accounts RENAME TO users;
                ALTER TABLE users DROP COLUMN login;
                DROP TABLE users;
                """)).isEmpty();
    }

    @Test
    void aTableTheCatalogHasIsLive() {
        SchemaModel target = new SchemaModel(true);
        target.addRelation("orders", SchemaModel.RelationKind.TABLE, false, 5_000_000);
        assertThat(errors(target, "CREATE INDEX orders_status ON orders (status);"))
                .containsExactly("V1.sql:1 require-concurrent-index-creation");
    }

    @Test
    void aTableInAnotherSchemaIsFoundByItsUnqualifiedName() {
        SchemaModel target = new SchemaModel(true);
        target.addRelation("shop.orders", SchemaModel.RelationKind.TABLE, false, 5_000_000);
        assertThat(errors(target, "CREATE INDEX orders_status ON orders (status);"))
                .containsExactly("V1.sql:1 require-concurrent-index-creation");
    }
}
