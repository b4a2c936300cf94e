-- expect: setting-not-null
-- pg: 10
ALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total_cents IS NOT NULL) NOT VALID;
