-- expect: prefer-identity
CREATE TABLE coupons (id bigserial PRIMARY KEY, code text NOT NULL);
