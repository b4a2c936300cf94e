-- expect: none
-- pg: 11
ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new';
