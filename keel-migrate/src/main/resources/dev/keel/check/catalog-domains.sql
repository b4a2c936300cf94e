-- Every user domain: its base type, and whether it checks values (NOT NULL or a CHECK).
SELECT t.typname, format_type(t.typbasetype, t.typtypmod),
       t.typnotnull OR EXISTS (SELECT 1 FROM pg_constraint k WHERE k.contypid = t.oid)
FROM pg_type t
JOIN pg_namespace n ON n.oid = t.typnamespace
WHERE t.typtype = 'd'
  AND n.nspname NOT IN ('pg_catalog', 'information_schema')
