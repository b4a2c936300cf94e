-- expect: none
CREATE TABLE order_exports_tmp (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, order_id bigint NOT NULL, exported_at timestamptz);
ALTER TABLE order_exports_tmp RENAME TO order_exports;
CREATE INDEX order_exports_order_id_idx ON order_exports (order_id);
