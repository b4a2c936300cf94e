\set oid random(1, 1000000)
SELECT o.id, sum(oi.quantity) FROM orders o JOIN order_items oi ON oi.order_id = o.id WHERE o.id = :oid GROUP BY o.id;
