-- expect: disallowed-unique-constraint
-- USING INDEX TABLESPACE only places the new index: it is still built under the lock.
ALTER TABLE users ADD CONSTRAINT users_email_key UNIQUE (email) USING INDEX TABLESPACE fast_ssd;
