-- expect: adding-field-with-volatile-default
ALTER TABLE payments
    ADD COLUMN idempotency_key uuid DEFAULT gen_random_uuid(),
    ADD COLUMN retry_count integer NOT NULL DEFAULT 0;
