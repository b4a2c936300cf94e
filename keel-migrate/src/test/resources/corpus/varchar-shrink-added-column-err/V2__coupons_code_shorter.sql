ALTER TABLE coupons ALTER COLUMN code TYPE character varying(32);
