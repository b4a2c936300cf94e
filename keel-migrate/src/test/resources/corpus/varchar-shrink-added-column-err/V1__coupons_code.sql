-- expect: changing-column-type, prefer-text
ALTER TABLE coupons ADD COLUMN code character varying(64);
