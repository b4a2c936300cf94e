-- expect: adding-field-with-volatile-default
-- pg: 10
ALTER TABLE events ADD COLUMN received_at timestamptz NOT NULL DEFAULT now();
