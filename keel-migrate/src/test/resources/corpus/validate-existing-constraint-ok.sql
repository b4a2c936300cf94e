-- expect: none
-- orders_total_positive was added NOT VALID by the previous release.
ALTER TABLE orders VALIDATE CONSTRAINT orders_total_positive;
