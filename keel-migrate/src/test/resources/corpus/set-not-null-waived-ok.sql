-- expect: none
-- keel:allow setting-not-null warehouses holds 40 rows; the scan takes no time
ALTER TABLE warehouses ALTER COLUMN country_code SET NOT NULL;
