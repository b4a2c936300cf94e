-- expect: adding-stored-generated-column
ALTER TABLE order_items ADD COLUMN total_cents bigint GENERATED ALWAYS AS (quantity * price_cents) STORED;
