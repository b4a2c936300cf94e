-- expect: none
CREATE TABLE price_snapshots (product_id bigint NOT NULL, price_cents bigint NOT NULL, taken_at timestamptz NOT NULL);
LOCK TABLE price_snapshots IN EXCLUSIVE MODE;
