-- The column was added by V1 and never released: no running code knows it.
ALTER TABLE orders DROP COLUMN promo_note;
