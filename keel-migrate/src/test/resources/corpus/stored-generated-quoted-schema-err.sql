-- expect: adding-stored-generated-column
ALTER TABLE shop."OrderItems"
    ADD COLUMN IF NOT EXISTS line_total_cents bigint GENERATED ALWAYS AS (quantity * unit_price_cents) STORED;
