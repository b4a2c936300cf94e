-- expect: none
ALTER TABLE orders ADD COLUMN promo_note text;
