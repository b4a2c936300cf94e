-- expect: ddl-and-dml-in-one-transaction
ALTER TABLE orders ADD COLUMN archived boolean;
UPDATE orders SET archived = false WHERE archived IS NULL;
