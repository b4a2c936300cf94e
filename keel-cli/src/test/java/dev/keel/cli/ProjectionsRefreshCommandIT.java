package dev.keel.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.keel.testing.TestCluster;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ProjectionsRefreshCommandIT extends ProjectOnCluster {
    private static final String QUERY =
            "SELECT date_trunc('day', placed_at) AS day, count(*) AS orders FROM sales" + " GROUP BY day";

    ProjectionsRefreshCommandIT(TestCluster cluster) {
        super(cluster);
    }

    @BeforeEach
    void summaryAndView() {
        project.migration(
                "V3__sales.sql",
                "create table sales (id bigint generated always as identity primary key, placed_at timestamptz not"
                        + " null, cents int not null);"
                        + " insert into sales (placed_at, cents) select timestamptz '2026-11-20 00:00+00' + i *"
                        + " interval '5 hours', i from generate_series(1, 50) i;");
        project.migration(
                "V4__projections.yaml",
                "operations:\n  - create_summary: {name: daily_sales, query: \"" + QUERY
                        + "\", incremental_by: placed_at, refresh: 5min}\n"
                        + "  - create_materialized_view: {name: sales_total, query: \"SELECT 1 AS one, sum(cents) AS"
                        + " cents FROM sales\", unique: [one], refresh: 1h}\n");
    }

    private long drift() {
        return Long.parseLong(cluster.queryString(
                db,
                "select count(*) from ((table daily_sales except all (" + QUERY + ")) union all ((" + QUERY
                        + ") except all table daily_sales)) d"));
    }

    @Test
    void refreshBringsBothUpToDateAndDueSkipsWhatIsFresh() throws Exception {
        Cli.Run migrate = keel("migrate", "--complete");
        assertThat(migrate.exitCode()).as(migrate.stderr()).isZero();
        assertThat(migrate.stdout() + migrate.stderr())
                .as("a small table's first fill is one transaction")
                .contains("summary rows in 1 transaction");
        assertThat(drift()).isZero();
        // Each statement records the range it touched: here late November, and a day in December.
        cluster.execute(db, "insert into sales (placed_at, cents) values (timestamptz '2026-11-21 03:00+00', 7)");
        cluster.execute(db, "insert into sales (placed_at, cents) values (timestamptz '2026-12-24 10:00+00', 5)");
        cluster.execute(db, "delete from sales where id = 1");
        assertThat(drift()).isPositive();
        assertThat(keel("projections", "refresh", "--due").stdout()).contains("Nothing due in");

        Cli.Run refresh = keel("projections", "refresh");
        assertThat(refresh.exitCode()).as(refresh.stderr()).isZero();
        assertThat(refresh.stdout())
                .contains("public.daily_sales: 2 ranges of buckets recomputed, ")
                .contains("public.sales_total: refreshed concurrently in ");
        assertThat(drift()).isZero();
        assertThat(cluster.queryString(db, "select cents from sales_total"))
                .isEqualTo(cluster.queryString(db, "select sum(cents) from sales"));

        cluster.execute(db, "update keel.projections set last_refreshed = now() - interval '10 minutes'");
        JsonNode due = json("--json", "projections", "refresh", "--due");
        assertThat(due.get("refreshed")).hasSize(1);
        assertThat(due.get("refreshed").get(0).get("projection").asText()).isEqualTo("public.daily_sales");

        assertThat(keel("projections", "list").stdout())
                .contains("public.daily_sales  summary by placed_at, every 5min, ready; refreshed ")
                .contains("public.sales_total  materialized view, every 60min, ready; refreshed ");
        Cli.Run unknown = keel("projections", "refresh", "nope");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.stderr()).contains("no summary or materialized view named nope");
    }
}
