-- expect: none
-- Numbers only new rows; existing ones are numbered in batches outside the migration.
CREATE SEQUENCE orders_order_number_seq;
ALTER TABLE orders
    ADD COLUMN order_number bigint,
    ALTER COLUMN order_number SET DEFAULT nextval('orders_order_number_seq');
ALTER SEQUENCE orders_order_number_seq OWNED BY orders.order_number;
