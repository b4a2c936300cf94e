CREATE INDEX CONCURRENTLY IF NOT EXISTS orders_affiliate_id_idx ON orders (affiliate_id);
