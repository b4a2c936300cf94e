-- expect: none
CREATE TABLE deliveries (
    id           bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
    scheduled_at timestamp with time zone NOT NULL,
    delivered_at timestamptz(3)
);
