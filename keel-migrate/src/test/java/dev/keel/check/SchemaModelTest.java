package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.sql.SqlLexer;
import dev.keel.sql.SqlStatement;
import java.util.List;
import org.junit.jupiter.api.Test;

class SchemaModelTest {

    private static SchemaModel fed(SchemaModel model, String sql) {
        for (SqlStatement statement : SqlLexer.split(sql)) {
            SchemaFeed.apply(statement, model);
        }
        return model;
    }

    @Test
    void namesAreCutTo63BytesNeverInsideACharacter() {
        assertThat(SchemaModel.stored("a".repeat(70))).isEqualTo("a".repeat(63));
        assertThat(SchemaModel.stored("a".repeat(62) + "é")).isEqualTo("a".repeat(62)); // é is two bytes
        assertThat(SchemaModel.stored("short")).isEqualTo("short");
    }

    @Test
    void theFilesObjectsAreNewAndTrackedThroughRenames() {
        SchemaModel model = fed(new SchemaModel(), """
                CREATE TABLE t (id bigint PRIMARY KEY, a text NOT NULL, b varchar(20));
                CREATE MATERIALIZED VIEW mv AS SELECT id FROM t;
                CREATE VIEW v AS SELECT id FROM t;
                CREATE TABLE p (id bigint, at date) PARTITION BY RANGE (at);
                CREATE INDEX i1 ON t (a);
                ALTER INDEX i1 RENAME TO i2;
                ALTER TABLE t RENAME COLUMN b TO c;
                ALTER TABLE t RENAME TO u;
                """);
        assertThat(model.relation("mv"))
                .get()
                .extracting(SchemaModel.Relation::kind)
                .isEqualTo(SchemaModel.RelationKind.MATERIALIZED_VIEW);
        assertThat(model.relation("v"))
                .get()
                .extracting(SchemaModel.Relation::kind)
                .isEqualTo(SchemaModel.RelationKind.VIEW);
        assertThat(model.relation("p"))
                .get()
                .extracting(SchemaModel.Relation::kind)
                .isEqualTo(SchemaModel.RelationKind.PARTITIONED_TABLE);
        assertThat(model.existing("u")).isFalse();
        assertThat(model.relation("t")).isEmpty();
        assertThat(model.indexCreated("i2")).isTrue();
        assertThat(model.index("i1")).isEmpty();
        assertThat(model.index("i2")).get().extracting(SchemaModel.Index::table).isEqualTo("public.u");
        assertThat(model.column("u", "c").flatMap(SchemaModel.Column::type)).contains(ColumnType.parse("varchar(20)"));
        assertThat(model.column("u", "a"))
                .get()
                .extracting(SchemaModel.Column::notNull)
                .isEqualTo(true);
        assertThat(model.index("t_pkey"))
                .get()
                .extracting(SchemaModel.Index::columns)
                .isEqualTo(List.of("id"));
    }

    @Test
    void withoutTheCatalogAnyOtherTableIsAssumedLive() {
        SchemaModel model = fed(new SchemaModel(), "ALTER TABLE orders ADD COLUMN note text;");
        assertThat(model.existing("orders")).isTrue();
        assertThat(model.column("orders", "note"))
                .get()
                .extracting(SchemaModel.Column::added)
                .isEqualTo(true);
        assertThat(model.rowEstimate("orders")).isEqualTo(-1);
    }

    @Test
    void withTheCatalogReadWhatItLacksDoesNotExist() {
        SchemaModel model = new SchemaModel(true);
        assertThat(model.existing("orders")).isFalse();
        assertThat(model.rowEstimate("orders")).isZero();
    }

    @Test
    void dropsForgetAndRowsOfAFilledNewTableAreUnknown() {
        SchemaModel model = fed(new SchemaModel(), """
                CREATE TABLE t (id bigint);
                INSERT INTO t VALUES (1);
                CREATE TABLE gone (id bigint);
                DROP TABLE gone;
                """);
        assertThat(model.rowEstimate("t")).isEqualTo(-1);
        assertThat(model.known("gone")).isFalse();
        assertThat(model.existing("gone")).isFalse();
    }

    @Test
    void checkConstraintsAndTheirValidation() {
        SchemaModel model = fed(new SchemaModel(), """
                ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;
                """);
        assertThat(model.relation("users").flatMap(r -> r.constraint("users_email_nn")))
                .get()
                .extracting(SchemaModel.Constraint::validated)
                .isEqualTo(false);
        fed(model, "ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;");
        assertThat(model.relation("users").flatMap(r -> r.constraint("users_email_nn")))
                .get()
                .extracting(SchemaModel.Constraint::validated, SchemaModel.Constraint::notNullColumn)
                .containsExactly(true, "email");
    }

    @Test
    void functionVolatilityFromTheFiles() {
        SchemaModel model = fed(new SchemaModel(), """
                CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$SELECT md5(random()::text)$$;
                CREATE FUNCTION g() RETURNS int LANGUAGE sql IMMUTABLE AS $$SELECT 1$$;
                """);
        assertThat(model.function("f")).contains(SchemaModel.Volatility.VOLATILE);
        assertThat(model.function("public.g")).contains(SchemaModel.Volatility.IMMUTABLE);
        assertThat(model.function("h")).isEmpty();
    }

    @Test
    void createOrReplaceOfALiveViewKeepsItLive() {
        SchemaModel model = new SchemaModel(true);
        model.addRelation("order_totals", SchemaModel.RelationKind.VIEW, false, -1);
        fed(
                model,
                "CREATE OR REPLACE VIEW order_totals AS SELECT 1;\nCREATE TABLE IF NOT EXISTS order_totals (id bigint);");
        assertThat(model.existing("order_totals")).isTrue();
    }

    @Test
    void generatedNamesAreCutAsPostgresCutsThem() {
        assertThat(SchemaModel.generated("orders", null, "pkey")).isEqualTo("orders_pkey");
        assertThat(SchemaModel.generated("orders", "customer_id", "idx")).isEqualTo("orders_customer_id_idx");
        String longTable = "t".repeat(60);
        assertThat(SchemaModel.generated(longTable, "created_at", "idx"))
                .isEqualTo("t".repeat(48) + "_created_at_idx")
                .hasSize(63);
        SchemaModel model = fed(new SchemaModel(), "CREATE INDEX ON orders (customer_id, created_at);");
        assertThat(model.indexCreated("orders_customer_id_created_at_idx")).isTrue();
    }
}
