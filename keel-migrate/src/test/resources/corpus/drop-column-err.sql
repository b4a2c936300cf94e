-- expect: dropping-column
ALTER TABLE orders DROP COLUMN legacy_code;
