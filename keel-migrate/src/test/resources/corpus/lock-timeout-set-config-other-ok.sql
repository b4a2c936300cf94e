-- expect: none
-- runner: other
SELECT set_config('lock_timeout', '4s', false);
ALTER TABLE users ADD COLUMN marketing_opt_in boolean NOT NULL DEFAULT false;
