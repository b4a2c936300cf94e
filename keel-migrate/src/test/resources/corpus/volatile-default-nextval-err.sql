-- expect: adding-field-with-volatile-default
CREATE SEQUENCE invoice_number_seq START WITH 100000;
ALTER TABLE invoices ADD COLUMN invoice_number bigint DEFAULT nextval('invoice_number_seq');
