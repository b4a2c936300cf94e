-- expect: none
CREATE UNLOGGED TABLE product_import_staging (sku text NOT NULL, name text NOT NULL, price_cents bigint NOT NULL);
