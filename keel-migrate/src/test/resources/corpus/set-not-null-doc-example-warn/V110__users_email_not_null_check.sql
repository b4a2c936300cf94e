-- expect: multiple-alter-table
-- The example of docs/checks/setting-not-null.md: the SET NOT NULL is proven by the validated check,
-- but SET NOT NULL and DROP CONSTRAINT are two ACCESS EXCLUSIVE ALTER TABLEs of users in one file.
ALTER TABLE users ADD CONSTRAINT users_email_not_null CHECK (email IS NOT NULL) NOT VALID;
