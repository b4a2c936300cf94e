-- expect: none
ALTER TABLE orders ADD COLUMN state text;
