-- expect: foreign-key-without-index, prefer-bigint
ALTER TABLE projects ADD COLUMN owner integer REFERENCES users (id);
