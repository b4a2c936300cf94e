package dev.keel.advise;

import dev.keel.testing.TestCluster;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/** A small shop: 5,000 orders over 500 users, no index on orders.user_id, and statements run often enough to rank. */
final class ShopLoad {
    static final String BY_USER = "SELECT id, total FROM orders WHERE user_id = ?";
    /** 95% of the orders are paid: no index helps to find them, and the planner knows it. */
    static final String BY_STATUS = "SELECT count(*) FROM orders WHERE status = ?";

    private ShopLoad() {}

    static String database(TestCluster cluster) {
        String db = cluster.createDatabase();
        cluster.execute(db, """
                CREATE TABLE users (id bigint PRIMARY KEY, email text NOT NULL);
                CREATE TABLE orders (id bigint PRIMARY KEY, user_id bigint NOT NULL, status text NOT NULL,
                                     total numeric NOT NULL, created_at timestamptz NOT NULL);
                INSERT INTO users SELECT g, 'user' || g || '@example.com' FROM generate_series(1, 500) g;
                INSERT INTO orders SELECT g, 1 + g % 500, CASE WHEN g % 20 = 0 THEN 'open' ELSE 'paid' END, g % 97, now() - g * interval '1 minute'
                FROM generate_series(1, 5000) g;
                ANALYZE users;
                ANALYZE orders;
                """);
        return db;
    }

    static void run(TestCluster cluster, String db, String sql, Object value, int times) throws SQLException {
        try (Connection c = cluster.connect(db);
                PreparedStatement s = c.prepareStatement(sql)) {
            for (int i = 0; i < times; i++) {
                s.setObject(1, value instanceof Integer n ? (Object) (long) (1 + (n + i) % 500) : value);
                try (ResultSet rs = s.executeQuery()) {
                    while (rs.next()) {
                        rs.getObject(1);
                    }
                }
            }
        }
    }

    /** 50 statements: the set-up's own statements (CREATE, INSERT, ANALYZE) rank too, and may outweigh a cheap indexed lookup. */
    static AdviseOptions options() {
        return AdviseOptions.defaults("keel").withStatements(50);
    }
}
