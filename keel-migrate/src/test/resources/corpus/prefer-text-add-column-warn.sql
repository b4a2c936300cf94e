-- expect: prefer-text
ALTER TABLE users ADD COLUMN phone character varying(32);
