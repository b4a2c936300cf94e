-- expect: changing-column-type
ALTER TABLE order_items ALTER COLUMN quantity TYPE bigint;
