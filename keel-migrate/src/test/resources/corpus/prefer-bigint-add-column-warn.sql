-- expect: prefer-bigint
ALTER TABLE orders ADD COLUMN warehouse_id int;
