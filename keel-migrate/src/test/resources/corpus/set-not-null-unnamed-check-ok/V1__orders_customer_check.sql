-- expect: none
-- An unnamed check is called orders_customer_id_check by PostgreSQL.
ALTER TABLE orders ADD CHECK (customer_id IS NOT NULL) NOT VALID;
