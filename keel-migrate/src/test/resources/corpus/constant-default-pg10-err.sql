-- expect: adding-field-with-volatile-default
-- pg: 10
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
