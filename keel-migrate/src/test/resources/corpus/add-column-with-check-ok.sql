-- expect: none
ALTER TABLE orders ADD COLUMN quantity integer NOT NULL DEFAULT 1,
    ADD CONSTRAINT orders_quantity_positive CHECK (quantity > 0) NOT VALID;
