package dev.keel.check;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The schema model read from a real catalog: kinds, row estimates, stored (truncated) names, constraints, volatility. */
@WithPostgres
class CatalogFactsIT {
    private static final String SEVENTY = "orders_customer_id_created_at_status_shipping_country_region_idx_longr";
    private final TestCluster cluster;

    CatalogFactsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @Test
    void readsTheTargetAsTheChecksNeedIt() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                create table orders (id bigint primary key, customer_id bigint, status varchar(20) not null);
                insert into orders select g, g %% 10, 'new' from generate_series(1, 2000) g;
                analyze orders;
                create table empty_one (id bigint);
                create materialized view order_ids as select id from orders;
                create index %s on orders (customer_id);
                alter table orders add constraint orders_customer_nn check (customer_id is not null) not valid;
                create function pick() returns text language sql as $$select md5(random()::text)$$;
                create function fixed() returns int language sql immutable as $$select 1$$;
                create domain email as text check (value like '%%@%%');
                """.formatted(SEVENTY));
        SchemaModel model;
        try (Connection c = cluster.connect(db)) {
            model = CatalogFacts.load(c);
        }
        assertThat(model.catalogRead()).isTrue();
        assertThat(model.rowEstimate("orders")).isEqualTo(2000);
        assertThat(model.rowEstimate("empty_one")).isZero();
        assertThat(model.existing("orders")).isTrue();
        assertThat(model.existing("not_there")).isFalse();
        assertThat(model.relation("order_ids"))
                .get()
                .extracting(SchemaModel.Relation::kind)
                .isEqualTo(SchemaModel.RelationKind.MATERIALIZED_VIEW);
        assertThat(model.column("orders", "status").flatMap(SchemaModel.Column::type))
                .contains(ColumnType.parse("varchar(20)"));
        assertThat(model.column("orders", "status"))
                .get()
                .extracting(SchemaModel.Column::notNull)
                .isEqualTo(true);
        // PostgreSQL stored the first 63 bytes; the model finds it by the name as written, too.
        assertThat(model.index(SEVENTY))
                .get()
                .extracting(SchemaModel.Index::name)
                .isEqualTo(SEVENTY.substring(0, 63));
        assertThat(model.index(SEVENTY))
                .get()
                .extracting(SchemaModel.Index::columns)
                .isEqualTo(List.of("customer_id"));
        assertThat(model.index("orders_pkey")).isPresent();
        assertThat(model.relation("orders").flatMap(r -> r.constraint("orders_customer_nn")))
                .get()
                .extracting(SchemaModel.Constraint::validated, SchemaModel.Constraint::notNullColumn)
                .containsExactly(false, "customer_id");
        assertThat(model.function("pick")).contains(SchemaModel.Volatility.VOLATILE);
        assertThat(model.function("fixed")).contains(SchemaModel.Volatility.IMMUTABLE);
        assertThat(model.domain("email"))
                .get()
                .extracting(SchemaModel.Domain::constrained)
                .isEqualTo(true);
    }

    @Test
    void namesPostgresGeneratesAreTheOnesTheModelGenerates() {
        String db = cluster.createDatabase();
        String table = "t".repeat(60);
        cluster.execute(
                db,
                "create table " + table + " (id bigint primary key, created_at timestamptz, code text unique);"
                        + " create index on " + table + " (created_at);");
        assertThat(cluster.queryString(
                        db,
                        "select string_agg(indexname, ',' order by indexname) from pg_indexes where tablename = '"
                                + table + "'"))
                .isEqualTo(String.join(
                        ",",
                        List.of(
                                        SchemaModel.generated(table, "code", "key"),
                                        SchemaModel.generated(table, "created_at", "idx"),
                                        SchemaModel.generated(table, null, "pkey"))
                                .stream()
                                .sorted()
                                .toList()));
    }

    @Test
    void partitionsNameTheirPartitionedTable() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                create schema audit;
                create table audit.events (id bigint, at date) partition by range (at);
                create table audit.events_2024 partition of audit.events for values from ('2024-01-01') to ('2025-01-01');
                create table audit.loose (id bigint);
                """);
        SchemaModel model;
        try (Connection c = cluster.connect(db)) {
            model = CatalogFacts.load(c);
        }

        assertThat(model.relation("audit.events_2024").flatMap(SchemaModel.Relation::partitionOf))
                .contains("audit.events");
        assertThat(model.relation("audit.loose").flatMap(SchemaModel.Relation::partitionOf))
                .isEmpty();
    }

    /** Regression: a table re-created after DROP SCHEMA … CASCADE was still taken for the catalog's live one. */
    @Test
    void aTableRecreatedAfterDropSchemaCascadeIsNewOnARealTarget() throws Exception {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                create schema billing;
                create table billing.invoices (id bigint primary key, customer bigint);
                insert into billing.invoices select g, g from generate_series(1, 500) g;
                analyze billing.invoices;
                """);
        CheckReport report;
        try (Connection c = cluster.connect(db)) {
            report = Checker.withAllRules(17)
                    .check(List.of(new CheckInput("V2__billing_again.sql", """
                                    DROP SCHEMA billing CASCADE;
                                    CREATE SCHEMA billing;
                                    CREATE TABLE billing.invoices (id bigint PRIMARY KEY, customer bigint);
                                    CREATE INDEX invoices_customer ON billing.invoices (customer);
                                    """)), CatalogFacts.load(c));
        }

        assertThat(report.findings()).noneMatch(f -> f.rule().equals("require-concurrent-index-creation"));
    }
}
