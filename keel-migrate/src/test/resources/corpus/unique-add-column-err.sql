-- expect: disallowed-unique-constraint
ALTER TABLE users ADD COLUMN username text UNIQUE;
