-- Every index of a user table, by its stored name, with the columns that lead it (null for an
-- expression). A partial index, or one whose method is neither btree nor hash, serves no key lookup.
SELECT n.nspname, ic.relname, tn.nspname, tc.relname,
       i.indpred IS NULL AND am.amname IN ('btree', 'hash'),
       ARRAY(SELECT a.attname
             FROM unnest(i.indkey::int2[]) WITH ORDINALITY AS k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             ORDER BY k.ord)
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_namespace n ON n.oid = ic.relnamespace
JOIN pg_class tc ON tc.oid = i.indrelid
JOIN pg_namespace tn ON tn.oid = tc.relnamespace
JOIN pg_am am ON am.oid = ic.relam
WHERE tn.nspname NOT IN ('pg_catalog', 'information_schema')
  AND tn.nspname NOT LIKE 'pg_toast%'
  AND tn.nspname NOT LIKE 'pg_temp%'
