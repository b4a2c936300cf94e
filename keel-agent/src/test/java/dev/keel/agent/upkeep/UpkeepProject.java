package dev.keel.agent.upkeep;

import dev.keel.migrate.Keel;
import dev.keel.testing.TestCluster;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A database where keel keeps one of each: the counter orders_per_user, the summary daily_orders (every 5 min), the
 * materialized view user_totals (every hour) and the monthly partition set events (premake 2, a default partition),
 * each created by its change file through migrate and complete, as a team would.
 */
public final class UpkeepProject {
    public static final String COUNTER = "public.orders_per_user";
    public static final String SUMMARY = "public.daily_orders";
    public static final String VIEW = "public.user_totals";
    public static final String SET = "public.events";
    public static final int PREMAKE = 2;

    private static final Map<String, String> MIGRATIONS = Map.of(
            "V1__orders.sql",
            "create table orders (id bigserial primary key, user_id bigint, amount int not null,"
                    + " created_at timestamptz not null default now());"
                    + " create index on orders (created_at);"
                    + " insert into orders (user_id, amount, created_at)"
                    + " select i % 10, i, now() - i * interval '1 hour' from generate_series(1, 100) i;",
            "V2__counter.yaml",
            "operations:\n  - create_counter: {name: orders_per_user, table: orders, group_by: [user_id]}\n",
            "V3__summary.yaml",
            "operations:\n  - create_summary: {name: daily_orders, query: \"SELECT date_trunc('day', created_at) AS"
                    + " day, count(*) AS orders FROM orders GROUP BY day\", incremental_by: created_at,"
                    + " refresh: 5min}\n",
            "V4__view.yaml",
            "operations:\n  - create_materialized_view: {name: user_totals, query: \"SELECT user_id,"
                    + " sum(amount) AS total FROM orders GROUP BY user_id\", unique: [user_id], refresh: 1h}\n",
            "V5__events.yaml",
            "operations:\n  - create_partitioned_table:\n      name: events\n      columns:\n"
                    + "        - {name: id, type: bigint, primary_key: true}\n"
                    + "        - {name: at, type: timestamptz, primary_key: true}\n"
                    + "      partition_by: {column: at, interval: 1 month, premake: 2, retention: 12 months,"
                    + " retention_action: drop}\n");

    private UpkeepProject() {}

    /** A new database with the four created in it, from a project written under {@code dir}. */
    public static String create(TestCluster cluster, Path dir) throws IOException {
        String db = cluster.createDatabase();
        Path migrations = Files.createDirectories(dir.resolve("db/migrations"));
        for (Map.Entry<String, String> m : MIGRATIONS.entrySet()) {
            Files.writeString(migrations.resolve(m.getKey()), m.getValue());
        }
        Keel keel = Keel.configure()
                .url(cluster.jdbcUrl(db), TestCluster.SUPERUSER, null)
                .projectDir(dir)
                .env(Map.of())
                .load();
        // Each change stops migrate until it is completed; five files need at most five rounds.
        for (int round = 0; round < MIGRATIONS.size() && keel.migrate().activeChange() != null; round++) {
            keel.complete();
        }
        return db;
    }
}
