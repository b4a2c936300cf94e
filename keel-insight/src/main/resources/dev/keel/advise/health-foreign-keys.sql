/* keel advise */ SELECT n.nspname AS schema_name, t.relname AS table_name, c.conname AS constraint_name,
       array(SELECT a.attname FROM unnest(c.conkey) WITH ORDINALITY k(attnum, ord)
             JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = k.attnum ORDER BY k.ord) AS columns,
       c.confrelid::regclass::text AS referenced
FROM pg_constraint c
JOIN pg_class t ON t.oid = c.conrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE c.contype = 'f' AND n.nspname NOT IN (?, 'keel_advise_scratch')
  -- Covered when a valid index leads with the key's columns, in any order: a delete or key update on
  -- the referenced table then finds the referencing rows without reading the whole table.
  AND NOT EXISTS (
      SELECT 1 FROM pg_index i
      WHERE i.indrelid = c.conrelid AND i.indisvalid AND i.indpred IS NULL
        AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] @> c.conkey
        AND (string_to_array(i.indkey::text, ' ')::int2[])[1:cardinality(c.conkey)] <@ c.conkey)
ORDER BY n.nspname, t.relname, c.conname
