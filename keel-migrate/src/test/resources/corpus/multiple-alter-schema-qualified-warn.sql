-- expect: multiple-alter-table
ALTER TABLE shop.orders ADD COLUMN cancelled_reason text;
ALTER TABLE shop.orders ALTER COLUMN status SET DEFAULT 'new';
