package dev.keel.migrate.shadow;

import static org.assertj.core.api.Assertions.assertThat;

import dev.keel.testing.TestCluster;
import dev.keel.testing.WithPostgres;
import java.sql.Connection;
import java.sql.SQLException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** A shadow filled with a share of the target's rows, through foreign keys, types and a refusing CHECK. */
@WithPostgres
class SyntheticRowsIT {
    private static final String SCHEMA = """
            create type mood as enum ('calm', 'busy', 'late');
            create table customers (id serial primary key, email varchar(40) not null unique, created timestamptz not null default now(),
                                    mood mood not null, tags text[], payload jsonb not null, token uuid not null unique, active boolean not null,
                                    born date, photo bytea);
            create table orders (id bigint primary key, customer_id int not null references customers, total numeric(8,2) not null,
                                 note text, parent_id bigint references orders);
            create table items (order_id bigint not null references orders, sku char(8) not null, qty smallint not null check (qty > 0),
                                primary key (order_id, sku));
            create table picky (n int not null check (n < 0));
            create schema keel;
            create table keel.history (version text);
            """;
    private static final RelationName CUSTOMERS = new RelationName("public", "customers");
    private static final RelationName ORDERS = new RelationName("public", "orders");
    private static final RelationName ITEMS = new RelationName("public", "items");
    private static final RelationName PICKY = new RelationName("public", "picky");

    private final TestCluster cluster;
    private String target;
    private String shadow;

    SyntheticRowsIT(TestCluster cluster) {
        this.cluster = cluster;
    }

    @BeforeEach
    void targetWithRowsAndAnEmptyShadow() {
        target = cluster.createDatabase();
        cluster.execute(target, SCHEMA + """
                insert into customers (email, mood, payload, token, active) select 'c' || g, 'calm', '{}', md5(g::text)::uuid, true
                  from generate_series(1, 2000) g;
                insert into orders select g, 1 + g % 2000, g, null, null from generate_series(1, 4000) g;
                insert into items select 1 + g % 4000, 's' || g, 1 from generate_series(1, 3000) g;
                insert into picky select -g from generate_series(1, 100) g;
                insert into keel.history select g from generate_series(1, 50) g;
                analyze;
                """);
        shadow = cluster.createDatabase();
        cluster.execute(shadow, SCHEMA);
    }

    private FillReport fill(double scale, long cap) throws SQLException {
        try (Connection t = cluster.connect(target);
                Connection s = cluster.connect(shadow)) {
            return new SyntheticRows(TargetRows.read(t), scale, cap, "keel").fill(s);
        }
    }

    private long rows(String table) {
        return Long.parseLong(cluster.queryString(shadow, "select count(*) from " + table));
    }

    @Test
    void halfTheTargetsRowsThroughForeignKeysAndTypes() throws SQLException {
        FillReport report = fill(0.5, 1_000_000);
        assertThat(report.rows())
                .containsEntry(CUSTOMERS, 1000L)
                .containsEntry(ORDERS, 2000L)
                .containsEntry(ITEMS, 1500L);
        assertThat(rows("customers")).isEqualTo(1000);
        assertThat(rows("orders")).isEqualTo(2000);
        assertThat(rows("items")).isEqualTo(1500);
        // Children point at parents that exist (the foreign keys held), spread over them, not all at one.
        assertThat(rows("(select distinct customer_id from orders) d")).isEqualTo(1000);
        assertThat(cluster.queryString(shadow, "select count(distinct mood) from customers"))
                .isEqualTo("3");
        // Keel's own state is replayed by the history, never filled.
        assertThat(rows("keel.history")).isZero();
        assertThat(cluster.queryString(shadow, "select reltuples::bigint from pg_class where relname = 'orders'"))
                .isEqualTo("2000");
    }

    @Test
    void aTableTheServerRefusesRowsForIsSkippedWithAWarningNamingIt() throws SQLException {
        FillReport report = fill(0.5, 1_000_000);
        assertThat(report.rows()).doesNotContainKey(PICKY);
        assertThat(report.warnings())
                .singleElement()
                .asString()
                .startsWith("picky stays without synthetic rows: ")
                .contains("check");
        assertThat(rows("picky")).isZero();
    }

    @Test
    void theCapLimitsEachTableAndSaysSo() throws SQLException {
        FillReport report = fill(1, 1500);
        assertThat(report.rows())
                .containsEntry(CUSTOMERS, 1500L)
                .containsEntry(ORDERS, 1500L)
                .containsEntry(ITEMS, 1500L);
        assertThat(report.warnings())
                .anySatisfy(
                        w -> assertThat(w)
                                .isEqualTo(
                                        "orders gets 1500 synthetic rows, not 4000 (~4000 rows on the target at scale 1): capped by --scale-cap"));
    }

    @Test
    void rowsAMigrationAlreadyInsertedCountTowardsTheShare() throws SQLException {
        cluster.execute(
                shadow,
                "insert into customers (email, mood, payload, token, active) values ('seed', 'busy', '{}', gen_random_uuid(), false)");
        fill(0.5, 1_000_000);
        assertThat(rows("customers")).isEqualTo(1000);
    }
}
