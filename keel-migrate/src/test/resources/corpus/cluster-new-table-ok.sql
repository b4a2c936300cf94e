-- expect: none
CREATE TABLE daily_sales (day date NOT NULL, product_id bigint NOT NULL, revenue_cents bigint NOT NULL);
CREATE INDEX daily_sales_day_idx ON daily_sales (day, product_id);
CLUSTER daily_sales USING daily_sales_day_idx;
