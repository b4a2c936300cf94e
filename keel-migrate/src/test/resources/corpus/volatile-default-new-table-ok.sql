-- expect: none
CREATE TABLE api_keys (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    label      text NOT NULL,
    created_at timestamptz NOT NULL DEFAULT now()
);
ALTER TABLE api_keys ADD COLUMN secret uuid NOT NULL DEFAULT gen_random_uuid();
