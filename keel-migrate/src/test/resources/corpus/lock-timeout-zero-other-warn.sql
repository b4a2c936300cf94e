-- expect: missing-lock-timeout
-- runner: other
SET lock_timeout = 0;
ALTER TABLE orders ADD COLUMN fulfilment_center text;
