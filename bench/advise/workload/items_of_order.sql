\set oid random(1, 1000000)
SELECT product_id, quantity, price_cents FROM order_items WHERE order_id = :oid;
