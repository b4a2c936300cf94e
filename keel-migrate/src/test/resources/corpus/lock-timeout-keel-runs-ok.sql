-- expect: none
-- keel sets lock_timeout itself on the files it runs.
ALTER TABLE users ADD COLUMN marketing_opt_in boolean NOT NULL DEFAULT false;
