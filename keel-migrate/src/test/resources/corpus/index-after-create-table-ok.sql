-- expect: none
CREATE TABLE invoices (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL, total_cents bigint NOT NULL);
CREATE INDEX invoices_order_id_idx ON invoices (order_id);
