ALTER TABLE payments ALTER COLUMN fee TYPE numeric(14,2);
