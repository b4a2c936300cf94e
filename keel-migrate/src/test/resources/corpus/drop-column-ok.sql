-- expect: none
ALTER TABLE orders ALTER COLUMN legacy_code DROP NOT NULL;
