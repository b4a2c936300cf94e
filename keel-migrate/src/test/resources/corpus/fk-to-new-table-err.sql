-- expect: constraint-missing-not-valid, foreign-key-without-index
-- The referenced table is new, but orders is not: every order row is checked under the lock.
CREATE TABLE shipments (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, carrier text NOT NULL, shipped_at timestamptz);
ALTER TABLE orders ADD COLUMN shipment_id bigint;
ALTER TABLE orders ADD CONSTRAINT orders_shipment_fk FOREIGN KEY (shipment_id) REFERENCES shipments (id);
