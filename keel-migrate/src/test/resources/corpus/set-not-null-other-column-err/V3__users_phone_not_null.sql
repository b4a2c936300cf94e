-- The validated check is about email, not phone.
ALTER TABLE users ALTER COLUMN phone SET NOT NULL;
