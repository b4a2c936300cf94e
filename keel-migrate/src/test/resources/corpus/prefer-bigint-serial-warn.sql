-- expect: prefer-bigint, prefer-identity
CREATE TABLE carts (id serial PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now());
