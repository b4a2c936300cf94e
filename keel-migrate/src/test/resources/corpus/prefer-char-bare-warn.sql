-- expect: prefer-text-over-char
ALTER TABLE payments ADD COLUMN status_code char;
