-- expect: ddl-and-dml-in-one-transaction
DELETE FROM sessions WHERE expires_at < now() - interval '30 days';
ALTER TABLE sessions ADD COLUMN revoked_at timestamptz;
