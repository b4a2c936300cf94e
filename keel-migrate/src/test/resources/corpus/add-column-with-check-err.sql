-- expect: constraint-missing-not-valid
ALTER TABLE orders ADD COLUMN quantity integer NOT NULL DEFAULT 1 CHECK (quantity > 0);
