/* keel advise */ WITH idx AS (
    SELECT i.indexrelid, i.indrelid, n.nspname AS schema_name, t.relname AS table_name, ic.relname AS index_name,
           i.indkey::text AS keys, i.indclass::text AS classes, i.indcollation::text AS collations, ic.relam AS am,
           coalesce(pg_get_expr(i.indexprs, i.indrelid), '') AS exprs, coalesce(pg_get_expr(i.indpred, i.indrelid), '') AS pred,
           i.indisunique OR EXISTS (SELECT 1 FROM pg_constraint c WHERE c.conindid = i.indexrelid) AS enforces,
           i.indnkeyatts = i.indnatts AS no_include
    FROM pg_index i
    JOIN pg_class ic ON ic.oid = i.indexrelid
    JOIN pg_class t ON t.oid = i.indrelid
    JOIN pg_namespace n ON n.oid = t.relnamespace
    WHERE i.indisvalid AND n.nspname NOT IN ('pg_catalog', 'information_schema', ?, 'keel_advise_scratch') AND n.nspname NOT LIKE 'pg_toast%'
)
-- a is the one to drop; b keeps serving its queries.
SELECT a.schema_name, a.table_name, a.index_name, b.index_name AS kept_by,
       a.keys = b.keys AS duplicate, pg_relation_size(a.indexrelid) AS bytes,
       -- A foreign key a covers: b leads with a's keys, so it covers the key too once a is gone (said in the detail).
       (SELECT string_agg(f.conname, ', ' ORDER BY f.conname) FROM pg_constraint f
        WHERE f.contype = 'f' AND f.conrelid = a.indrelid AND a.pred = ''
          AND (string_to_array(a.keys, ' ')::int2[])[1:cardinality(f.conkey)] @> f.conkey
          AND (string_to_array(a.keys, ' ')::int2[])[1:cardinality(f.conkey)] <@ f.conkey) AS foreign_keys
FROM idx a
JOIN idx b ON b.indrelid = a.indrelid AND b.indexrelid <> a.indexrelid AND b.am = a.am AND b.exprs = a.exprs AND b.pred = a.pred
WHERE NOT a.enforces AND a.exprs = '' AND a.no_include AND (
      -- identical: of two, the one with the higher oid (the later one) goes, unless only it enforces something
      (a.keys = b.keys AND a.classes = b.classes AND a.collations = b.collations AND (b.enforces OR a.indexrelid > b.indexrelid))
      -- redundant: a's keys are a leading part of b's (b-tree only: other methods do not serve prefixes alike)
   OR (b.keys LIKE a.keys || ' %' AND b.classes LIKE a.classes || ' %' AND b.collations LIKE a.collations || ' %'
       AND a.am = (SELECT oid FROM pg_am WHERE amname = 'btree')))
ORDER BY a.schema_name, a.table_name, a.index_name, b.index_name
