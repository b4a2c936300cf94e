-- Re-applied whenever this file changes.
CREATE OR REPLACE VIEW order_totals AS
SELECT o.id AS order_id,
       o.user_id,
       o.status,
       o.created_at,
       coalesce(sum(i.quantity * i.price_cents), 0) AS total_cents,
       count(i.id) AS items
FROM orders o
LEFT JOIN order_items i ON i.order_id = o.id
GROUP BY o.id;
