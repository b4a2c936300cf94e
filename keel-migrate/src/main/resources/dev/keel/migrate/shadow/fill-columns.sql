-- The columns of every ordinary table the shadow fills, in table order, with what their synthetic
-- values depend on: the declared type (a domain resolved to its base type for the choice of value,
-- the declared one for the cast), NOT NULL, and whether PostgreSQL fills the column by itself.
SELECT n.nspname, c.relname, a.attname,
       format_type(a.atttypid, a.atttypmod) AS declared,
       coalesce(bt.typname, t.typname) AS base,
       coalesce(bt.typcategory, t.typcategory) AS category,
       coalesce(bt.typtype, t.typtype) AS kind,
       format_type(coalesce(bt.oid, t.oid), CASE WHEN bt.oid IS NULL THEN a.atttypmod ELSE t.typtypmod END) AS base_declared,
       CASE WHEN bt.oid IS NULL THEN a.atttypmod ELSE t.typtypmod END AS typmod,
       a.attnotnull OR t.typnotnull AS not_null,
       a.atthasdef OR a.attidentity <> '' OR a.attgenerated <> '' AS filled_by_server
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped
JOIN pg_type t ON t.oid = a.atttypid
LEFT JOIN pg_type bt ON t.typtype = 'd' AND bt.oid = t.typbasetype
WHERE c.relkind = 'r'
  AND NOT c.relispartition
  AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'keel_shadow')
  AND n.nspname NOT LIKE 'pg_toast%'
  AND n.nspname <> ?
ORDER BY n.nspname, c.relname, a.attnum
