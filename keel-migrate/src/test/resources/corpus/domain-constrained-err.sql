-- expect: changing-column-type
CREATE DOMAIN email_address AS text CHECK (VALUE ~ '^[^@]+@[^@]+$');
-- Converting to a domain with a CHECK checks, so rewrites, every row.
ALTER TABLE users ALTER COLUMN email TYPE email_address;
