-- expect: prefer-jsonb
CREATE TABLE support_tickets (
    id          bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    subject     text NOT NULL,
    attachments json[] NOT NULL DEFAULT '{}'
);
