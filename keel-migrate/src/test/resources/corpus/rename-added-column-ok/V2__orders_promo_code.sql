-- V1 is not released yet: no running code names the column.
ALTER TABLE orders RENAME COLUMN promo TO promo_code;
