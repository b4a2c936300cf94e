-- The check was never validated, so it proves nothing: the SET NOT NULL scans.
ALTER TABLE users ALTER COLUMN email SET NOT NULL;
