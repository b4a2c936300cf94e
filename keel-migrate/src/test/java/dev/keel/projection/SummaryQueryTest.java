package dev.keel.projection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SummaryQueryTest {

    @Test
    void aGroupedQueryOverOneTableIsReadForItsBucketAndRewrittenOverARange() throws Exception {
        String query = "SELECT date_trunc('hour', o.created_at) AS hour, product_id, count(*) FROM shop.orders AS o"
                + " WHERE amount > 0 GROUP BY hour, product_id";
        SummaryQuery q = SummaryQuery.parse(query, "created_at");

        assertThat(q.schema()).isEqualTo("shop");
        assertThat(q.table()).isEqualTo("orders");
        assertThat(q.correlation()).isEqualTo("\"o\"");
        assertThat(q.bucketColumn()).isEqualTo("hour");
        assertThat(q.width()).isEqualTo("interval '1 hour'");
        assertThat(q.overRange("timestamptz"))
                .isEqualTo("SELECT date_trunc('hour', o.created_at) AS hour, product_id, count(*) FROM (SELECT * FROM"
                        + " shop.orders WHERE \"created_at\" >= ?::timestamptz AND \"created_at\" < ?::timestamptz)"
                        + " AS \"o\" WHERE amount > 0 GROUP BY hour, product_id");
        assertThat(q.bucketOf("x.lo"))
                .isEqualTo("(SELECT date_trunc('hour', o.created_at) FROM (SELECT x.lo AS \"created_at\") AS \"o\")");
    }

    @Test
    void dateBinAndGroupingByPositionAreUnderstood() throws Exception {
        SummaryQuery q = SummaryQuery.parse(
                "SELECT date_bin('15 minutes', at, timestamptz '2026-01-01'), sum(n) FROM readings GROUP BY 1", "at");
        assertThat(q.bucketColumn()).isEqualTo("date_bin");
        assertThat(q.width()).isEqualTo("('15 minutes')::interval");
        assertThat(q.correlation()).isEqualTo("\"readings\"");
        assertThat(q.schema()).isNull();
        assertThat(q.qualified("app"))
                .isEqualTo(
                        "SELECT date_bin('15 minutes', at, timestamptz '2026-01-01'), sum(n) FROM \"app\".\"readings\""
                                + " GROUP BY 1");
        assertThat(SummaryQuery.parse(q.qualified("app"), "at").schema()).isEqualTo("app");
    }

    @Test
    void whatIncrementalRefreshCannotDoIsRefusedWithItsReason() {
        refused("SELECT count(*) FROM orders", "no GROUP BY");
        refused("SELECT product_id, count(*) FROM orders GROUP BY product_id", "no select item buckets created_at");
        refused(
                "SELECT date_trunc('day', created_at) d, count(*) FROM orders JOIN users ON users.id = user_id GROUP BY 1",
                "FROM must name one table");
        refused("SELECT date_trunc('day', created_at) d, count(*) FROM orders, users GROUP BY 1", "FROM must name one");
        refused(
                "SELECT date_trunc('day', created_at) d, count(*) FROM orders WHERE created_at > now() GROUP BY 1",
                "depends on when the query runs");
        refused(
                "SELECT date_trunc('day', created_at) d, count(*) FROM orders GROUP BY 1 ORDER BY 1",
                "ORDER picks rows across buckets");
        refused(
                "SELECT date_trunc('day', created_at) d, sum(count(*)) OVER () FROM orders GROUP BY 1",
                "window functions");
        refused(
                "SELECT date_trunc('day', created_at) d, (SELECT count(*) FROM users) FROM orders GROUP BY 1",
                "a subquery");
        refused(
                "SELECT date_trunc('second', created_at) d, count(*) FROM orders GROUP BY 1",
                "date_trunc's unit must be one of day, hour, minute, month, quarter, week, year");
        refused(
                "SELECT date_trunc('day', created_at) d, product_id, count(*) FROM orders GROUP BY product_id",
                "GROUP BY must include the bucket d");
        refused("WITH x AS (SELECT 1) SELECT * FROM x", "one SELECT");
    }

    private static void refused(String query, String reason) {
        assertThatThrownBy(() -> SummaryQuery.parse(query, "created_at"))
                .isInstanceOf(SummaryQuery.Refused.class)
                .hasMessageContaining(reason);
    }
}
