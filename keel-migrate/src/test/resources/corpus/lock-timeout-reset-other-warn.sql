-- expect: missing-lock-timeout
-- runner: other
SET lock_timeout = '5s';
RESET lock_timeout;
CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_fulfilment_center_idx ON orders (fulfilment_center);
