-- expect: constraint-missing-not-valid, foreign-key-without-index
ALTER TABLE orders ADD CONSTRAINT orders_user_fk FOREIGN KEY (user_id) REFERENCES users (id);
