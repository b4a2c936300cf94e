-- expect: prefer-jsonb
CREATE TABLE webhooks (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, payload json NOT NULL);
