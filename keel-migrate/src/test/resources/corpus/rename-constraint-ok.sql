-- expect: none
ALTER TABLE orders RENAME CONSTRAINT orders_total_check TO orders_total_cents_nonnegative;
