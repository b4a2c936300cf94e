-- expect: none
ALTER TABLE payment_methods ADD COLUMN sort_order integer NOT NULL DEFAULT 0;
INSERT INTO payment_methods (code, label, sort_order) VALUES ('sepa', 'SEPA Direct Debit', 30);
