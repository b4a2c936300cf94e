-- expect: constraint-missing-not-valid
ALTER TABLE products
    ADD CONSTRAINT products_stock_nonnegative CHECK (stock >= 0) NOT VALID,
    ADD CONSTRAINT products_price_positive CHECK (price_cents > 0);
