-- PostgreSQL runs every DROP of an ALTER TABLE first (AT_PASS_DROP): the check is gone
-- before SET NOT NULL looks for it, so the table is scanned under ACCESS EXCLUSIVE.
ALTER TABLE users
    ALTER COLUMN email SET NOT NULL,
    DROP CONSTRAINT users_email_not_null;
