-- The shop of bench/advise-quality.sh: keys, foreign keys and the indexes every team creates
-- (primary keys, a unique e-mail). The indexes the workload needs beyond these are left out on
-- purpose; tuned.sql holds them, as a person who knows the workload would write them.
CREATE TABLE users (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    email      text NOT NULL UNIQUE,
    country    text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE products (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    name        text NOT NULL,
    category    text NOT NULL,
    price_cents integer NOT NULL
);
CREATE TABLE orders (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id     bigint NOT NULL REFERENCES users (id),
    status      text NOT NULL,
    total_cents integer NOT NULL,
    created_at  timestamptz NOT NULL DEFAULT now()
);
CREATE TABLE order_items (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    order_id    bigint NOT NULL REFERENCES orders (id),
    product_id  bigint NOT NULL REFERENCES products (id),
    quantity    integer NOT NULL,
    price_cents integer NOT NULL
);
