-- Every constraint of a user table: its name, whether it is validated, and a CHECK's definition.
SELECT n.nspname, c.relname, k.conname, k.convalidated, CASE WHEN k.contype = 'c' THEN pg_get_constraintdef(k.oid) END
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname NOT IN ('pg_catalog', 'information_schema')
  AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname NOT LIKE 'pg_temp%'
