-- expect: dropping-column
ALTER TABLE users
    DROP COLUMN IF EXISTS legacy_password_hash,
    DROP COLUMN IF EXISTS legacy_password_salt;
