-- expect: validate-in-same-transaction
-- keel:allow foreign-key-without-index payments_order_id_idx was built concurrently by V31
ALTER TABLE payments ADD CONSTRAINT payments_order_fk FOREIGN KEY (order_id) REFERENCES orders (id) NOT VALID;
ALTER TABLE payments VALIDATE CONSTRAINT payments_order_fk;
