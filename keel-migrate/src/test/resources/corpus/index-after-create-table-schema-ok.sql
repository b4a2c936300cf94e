-- expect: none
CREATE TABLE shop.outbox_messages (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    topic        text NOT NULL,
    payload      jsonb NOT NULL,
    published_at timestamptz
);
CREATE INDEX outbox_messages_unpublished_idx ON shop.outbox_messages (id) WHERE published_at IS NULL;
