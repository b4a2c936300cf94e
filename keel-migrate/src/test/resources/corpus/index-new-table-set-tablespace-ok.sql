-- expect: none
CREATE TABLE audit_events (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, happened_at timestamptz NOT NULL);
CREATE INDEX audit_events_happened_at_idx ON audit_events (happened_at);
ALTER INDEX audit_events_happened_at_idx SET TABLESPACE archive_hdd;
