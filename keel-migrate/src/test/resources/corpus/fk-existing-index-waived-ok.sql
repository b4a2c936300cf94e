-- expect: none
-- keel:allow foreign-key-without-index orders_customer_id_idx has existed since 2021 (built outside these migrations)
ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id) REFERENCES customers (id) NOT VALID;
