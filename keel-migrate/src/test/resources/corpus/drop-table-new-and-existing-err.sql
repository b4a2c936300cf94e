-- expect: dropping-table
CREATE TABLE tmp_order_totals AS SELECT order_id, sum(total_cents) AS total_cents FROM order_items GROUP BY order_id;
DROP TABLE tmp_order_totals, order_totals_cache;
