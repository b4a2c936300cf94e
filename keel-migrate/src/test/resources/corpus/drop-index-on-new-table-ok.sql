-- expect: none
CREATE TABLE coupon_redemptions (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, coupon_code text NOT NULL);
CREATE INDEX coupon_redemptions_code_idx ON coupon_redemptions (coupon_code);
DROP INDEX coupon_redemptions_code_idx;
