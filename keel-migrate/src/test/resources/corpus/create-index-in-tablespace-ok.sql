-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_created_at_idx ON orders (created_at) TABLESPACE fast_ssd;
