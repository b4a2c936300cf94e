-- expect: none
CREATE TABLE events_2025_01 PARTITION OF events FOR VALUES FROM ('2025-01-01') TO ('2025-02-01');
CREATE INDEX events_2025_01_user_id_idx ON events_2025_01 (user_id);
