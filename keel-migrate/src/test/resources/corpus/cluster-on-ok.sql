-- expect: none
-- Only records the index for a later CLUSTER run by hand.
ALTER TABLE orders CLUSTER ON orders_created_at_idx;
