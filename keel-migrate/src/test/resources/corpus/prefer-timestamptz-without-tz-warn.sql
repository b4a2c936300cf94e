-- expect: prefer-timestamptz
ALTER TABLE orders ADD COLUMN shipped_at timestamp(3) without time zone;
