-- expect: none
ALTER TABLE payments
    ADD COLUMN idempotency_key uuid,
    ALTER COLUMN idempotency_key SET DEFAULT gen_random_uuid(),
    ADD COLUMN retry_count integer NOT NULL DEFAULT 0;
