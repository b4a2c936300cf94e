-- expect: none
ALTER TABLE orders ADD COLUMN region text NOT NULL DEFAULT 'eu';
