-- Foreign keys between the tables the shadow fills: a child's key columns take their values from
-- rows of the parent, which is therefore filled first.
SELECT cn.nspname, c.relname, pn.nspname, p.relname, k.conname,
       (SELECT array_agg(a.attname ORDER BY x.i) FROM unnest(k.conkey) WITH ORDINALITY x(attnum, i)
        JOIN pg_attribute a ON a.attrelid = k.conrelid AND a.attnum = x.attnum) AS columns,
       (SELECT array_agg(a.attname ORDER BY x.i) FROM unnest(k.confkey) WITH ORDINALITY x(attnum, i)
        JOIN pg_attribute a ON a.attrelid = k.confrelid AND a.attnum = x.attnum) AS referenced
FROM pg_constraint k
JOIN pg_class c ON c.oid = k.conrelid
JOIN pg_namespace cn ON cn.oid = c.relnamespace
JOIN pg_class p ON p.oid = k.confrelid
JOIN pg_namespace pn ON pn.oid = p.relnamespace
WHERE k.contype = 'f'
  AND cn.nspname NOT IN ('pg_catalog', 'information_schema', 'keel_shadow')
  AND cn.nspname <> ?
ORDER BY cn.nspname, c.relname, k.conname
