-- expect: unparseable-sql
UPDATE products SET description = 'Men''s running shoes WHERE id = 7;
ALTER TABLE products ADD COLUMN gender text;
