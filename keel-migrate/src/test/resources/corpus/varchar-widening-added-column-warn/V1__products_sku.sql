-- expect: prefer-text
-- Widening varchar(32) to varchar(64) skips the rewrite: only prefer-text, for both declarations.
ALTER TABLE products ADD COLUMN sku varchar(32);
