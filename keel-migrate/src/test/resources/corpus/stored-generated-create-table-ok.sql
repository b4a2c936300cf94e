-- expect: none
CREATE TABLE order_lines (
    id               bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id         bigint NOT NULL REFERENCES orders (id),
    quantity         integer NOT NULL,
    unit_price_cents bigint NOT NULL,
    total_cents      bigint GENERATED ALWAYS AS (quantity * unit_price_cents) STORED
);
CREATE INDEX order_lines_order_id_idx ON order_lines (order_id);
