-- expect: missing-lock-timeout
-- runner: other
-- Each file runs in a session of its own: V1's SET does not protect V2.
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN gift_wrap boolean NOT NULL DEFAULT false;
