-- expect: none
CREATE TABLE cart_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    cart_id     bigint NOT NULL REFERENCES carts (id),
    quantity    integer NOT NULL DEFAULT 1,
    position    smallint NOT NULL,
    added_at    timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX cart_items_cart_id_idx ON cart_items (cart_id);
