-- expect: foreign-key-without-index
-- The index comes one file too late: the key is checked when V1 runs.
ALTER TABLE orders ADD CONSTRAINT orders_affiliate_fk FOREIGN KEY (affiliate_id) REFERENCES affiliates (id) NOT VALID;
