-- expect: empty-migration
ALTER TABLE users ADD COLUMN timezone text;
