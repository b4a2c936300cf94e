-- What a person who knows the workload adds: the reference the advised schema is measured against.
CREATE INDEX orders_user_id_created_at_idx ON orders (user_id, created_at);
CREATE INDEX order_items_order_id_idx ON order_items (order_id);
CREATE INDEX orders_status_created_at_idx ON orders (status, created_at);
ANALYZE;
