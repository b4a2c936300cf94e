-- expect: adding-required-field
ALTER TABLE orders ADD COLUMN region text NOT NULL;
