-- expect: none
-- pg: 12
ALTER TABLE orders ADD CONSTRAINT orders_total_not_null CHECK (total_cents IS NOT NULL) NOT VALID;
