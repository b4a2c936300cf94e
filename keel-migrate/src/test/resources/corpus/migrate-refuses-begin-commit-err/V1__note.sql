-- expect: migrate-refuses
BEGIN;
ALTER TABLE orders ADD COLUMN note text;
COMMIT;
