-- expect: prefer-text
-- char varying(n) is a varchar, not a char.
ALTER TABLE users ADD COLUMN postal_code char varying(10);
