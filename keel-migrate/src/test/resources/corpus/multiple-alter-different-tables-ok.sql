-- expect: none
ALTER TABLE orders ADD COLUMN channel text;
ALTER TABLE order_items ADD COLUMN channel text;
