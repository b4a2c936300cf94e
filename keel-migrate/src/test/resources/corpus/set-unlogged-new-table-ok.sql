-- expect: none
CREATE TABLE cart_snapshots (cart_id bigint NOT NULL, payload jsonb NOT NULL, taken_at timestamptz NOT NULL DEFAULT now());
ALTER TABLE cart_snapshots SET UNLOGGED;
