ALTER TABLE orders ALTER COLUMN paid_at TYPE timestamptz(6);
