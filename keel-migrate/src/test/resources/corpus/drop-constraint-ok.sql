-- expect: none
ALTER TABLE orders DROP CONSTRAINT IF EXISTS orders_legacy_status_check;
