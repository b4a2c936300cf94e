ALTER TABLE payments ALTER COLUMN fee TYPE numeric(12,4);
