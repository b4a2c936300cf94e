package dev.keel.projection;

import dev.keel.connect.ConnectionSource;
import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * A database with an orders table (V1) whose rows belong to one of eight writers, and a change (V2) that creates the
 * counter orders_per_user: paid orders and their amounts per user, NULL users included.
 */
final class CounterProject {
    static final int WRITERS = 8;
    static final String SETUP = "create table orders (id bigserial primary key, writer int not null, user_id bigint,"
            + " amount int, status text not null default 'paid');"
            + " insert into orders (writer, user_id, amount, status) select i % 8, case when i % 13 = 0 then null"
            + " else i % 40 end, i % 1000, case when i % 6 = 0 then 'cancelled' else 'paid' end"
            + " from generate_series(1, 4000) i;";
    static final String CHANGE = "operations:\n  - create_counter: {name: orders_per_user, table: orders,"
            + " group_by: [user_id], sum: amount, where: \"status = 'paid'\"}\n";
    /** Groups where the view and the true aggregate differ, either way: 0 when the counter is exact. */
    static final String DIFFERENCE = "select count(*) from ((select user_id, count, sum from orders_per_user"
            + " except select user_id, count(*), sum(amount) from orders where status = 'paid' group by user_id)"
            + " union all (select user_id, count(*), sum(amount) from orders where status = 'paid'"
            + " group by user_id except select user_id, count, sum from orders_per_user)) d";

    final TestCluster cluster;
    final String db;
    final Keel keel;

    private CounterProject(TestCluster cluster, String db, Keel keel) {
        this.cluster = cluster;
        this.db = db;
        this.keel = keel;
    }

    static CounterProject create(TestCluster cluster, Path dir) throws IOException {
        return create(cluster, dir, SETUP);
    }

    /** With another V1 that makes an orders table of the same columns. */
    static CounterProject create(TestCluster cluster, Path dir, String setup) throws IOException {
        String db = cluster.createDatabase();
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        Files.writeString(migrations.resolve("V1__orders.sql"), setup);
        Files.writeString(migrations.resolve("V2__counter.yaml"), CHANGE);
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .load();
        return new CounterProject(cluster, db, keel);
    }

    String url() {
        return cluster.jdbcUrl(db);
    }

    Projections projections() {
        return new Projections(source(), "keel");
    }

    ConnectionSource source() {
        String url = url();
        return new ConnectionSource() {
            @Override
            public Connection open() {
                try {
                    return DriverManager.getConnection(url);
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }

            @Override
            public String describe() {
                return "test database";
            }
        };
    }

    String query(String sql) {
        return cluster.queryString(db, sql);
    }
}
