-- expect: none
-- runner: other
BEGIN;
SET LOCAL lock_timeout TO '3s';
ALTER TABLE orders ADD COLUMN fulfilment_center text;
COMMIT;
