-- expect: foreign-key-without-index
ALTER TABLE orders ADD COLUMN coupon_id bigint DEFAULT 1,
    ADD CONSTRAINT orders_coupon_fk FOREIGN KEY (coupon_id) REFERENCES coupons (id) NOT VALID;
