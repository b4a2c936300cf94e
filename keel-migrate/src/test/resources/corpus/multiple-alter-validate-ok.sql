-- expect: none
-- VALIDATE CONSTRAINT takes a SHARE UPDATE EXCLUSIVE lock; orders_total_positive was added NOT VALID last release.
ALTER TABLE orders ADD COLUMN refunded_cents bigint;
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
