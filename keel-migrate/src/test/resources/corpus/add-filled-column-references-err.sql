-- expect: constraint-missing-not-valid, foreign-key-without-index
ALTER TABLE orders ADD COLUMN coupon_id bigint NOT NULL DEFAULT 1 REFERENCES coupons (id);
