-- expect: none
CREATE TABLE events (id bigint, at date) PARTITION BY RANGE (at);
CREATE INDEX events_at ON events (at);
