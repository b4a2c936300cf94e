-- expect: missing-lock-timeout
-- runner: other
ALTER TABLE users ADD COLUMN referral_code text;
SET lock_timeout = '5s';
ALTER TABLE orders ADD COLUMN referral_code text;
