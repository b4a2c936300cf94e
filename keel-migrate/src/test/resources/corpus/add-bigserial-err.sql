-- expect: adding-serial-column
ALTER TABLE orders ADD COLUMN order_number bigserial;
