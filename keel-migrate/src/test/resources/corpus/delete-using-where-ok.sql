-- expect: none
DELETE FROM order_items USING orders
WHERE order_items.order_id = orders.id AND orders.status = 'cancelled' AND orders.created_at < '2019-01-01';
