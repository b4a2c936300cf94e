\set oid random(1, 1000000)
UPDATE orders SET status = 'shipped' WHERE id = :oid AND status = 'pending';
