-- expect: foreign-key-without-index
ALTER TABLE orders ADD COLUMN coupon_id bigint REFERENCES coupons (id);
