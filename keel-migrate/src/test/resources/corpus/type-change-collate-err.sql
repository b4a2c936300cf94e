-- expect: changing-column-type
ALTER TABLE users ALTER COLUMN email TYPE text COLLATE "C";
