-- expect: full-table-dml-under-lock, ddl-and-dml-in-one-transaction, update-or-delete-without-where
ALTER TABLE orders ADD COLUMN region text;
UPDATE orders SET region = 'eu';
