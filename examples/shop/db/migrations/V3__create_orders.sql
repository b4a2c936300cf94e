CREATE TABLE orders (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id),
    status     text NOT NULL DEFAULT 'new',
    created_at timestamptz NOT NULL DEFAULT now(),
    CONSTRAINT orders_status_known CHECK (status IN ('new', 'paid', 'shipped', 'cancelled'))
);

-- Foreign keys get their own index: deleting a user must not scan all orders.
CREATE INDEX orders_user_id_idx ON orders (user_id);
