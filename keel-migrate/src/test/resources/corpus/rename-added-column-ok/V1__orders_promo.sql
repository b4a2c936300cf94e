-- expect: none
ALTER TABLE orders ADD COLUMN promo text;
