-- expect: none
ALTER TABLE orders ADD COLUMN archived boolean;
