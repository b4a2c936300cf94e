-- expect: changing-column-type, prefer-text-over-char
ALTER TABLE addresses ALTER COLUMN country_code TYPE char(2);
