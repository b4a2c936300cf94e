-- expect: changing-column-type, prefer-jsonb
ALTER TABLE webhooks ALTER COLUMN headers TYPE json USING headers::json;
