-- expect: missing-lock-timeout
-- runner: other
ALTER TABLE orders ADD COLUMN note text;
