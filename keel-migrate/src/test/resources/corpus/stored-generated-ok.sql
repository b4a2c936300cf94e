-- expect: none
CREATE VIEW order_item_totals AS SELECT id, quantity * price_cents AS total_cents FROM order_items;
