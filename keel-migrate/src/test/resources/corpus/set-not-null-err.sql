-- expect: setting-not-null
ALTER TABLE orders ALTER COLUMN status SET NOT NULL;
