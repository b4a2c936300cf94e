-- expect: ddl-and-dml-in-one-transaction
ALTER TABLE products ADD COLUMN primary_category_id bigint;
INSERT INTO product_categories (product_id, category_id)
SELECT id, legacy_category_id FROM products WHERE legacy_category_id IS NOT NULL;
