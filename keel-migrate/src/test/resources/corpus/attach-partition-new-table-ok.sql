-- expect: none
CREATE TABLE events_2026 (id bigint NOT NULL, at date NOT NULL);
ALTER TABLE events ATTACH PARTITION events_2026 FOR VALUES FROM ('2026-01-01') TO ('2027-01-01');
