-- expect: none
-- pg: 18
ALTER TABLE order_items ADD COLUMN line_total_cents bigint GENERATED ALWAYS AS (quantity * unit_price_cents) VIRTUAL;
