-- expect: foreign-key-without-index
-- A partial index does not serve the lookups a DELETE on users makes.
CREATE TABLE addresses (
    id         bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    user_id    bigint NOT NULL REFERENCES users (id),
    line1      text NOT NULL,
    deleted_at timestamptz
);
CREATE INDEX addresses_user_id_live_idx ON addresses (user_id) WHERE deleted_at IS NULL;
