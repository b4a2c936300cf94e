ALTER TABLE payments ALTER COLUMN attempt_count TYPE bigint;
