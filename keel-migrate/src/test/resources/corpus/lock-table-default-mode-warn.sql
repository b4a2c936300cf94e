-- expect: ddl-and-dml-in-one-transaction, lock-table
LOCK orders;
UPDATE orders SET status = 'cancelled' WHERE id = 1041;
