-- expect: none
CREATE TABLE staging_prices (sku text NOT NULL, price_cents integer NOT NULL);
ALTER TABLE staging_prices ALTER COLUMN price_cents TYPE bigint;
