CREATE DOMAIN sku_code AS text;
ALTER TABLE products ALTER COLUMN sku TYPE sku_code;
