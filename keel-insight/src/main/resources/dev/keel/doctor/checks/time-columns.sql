/* keel doctor: table-growth. A table's date and time columns, and whether an index leads with each. */
SELECT a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS column_type,
       EXISTS (SELECT 1 FROM pg_index i WHERE i.indrelid = a.attrelid AND i.indkey[0] = a.attnum) AS indexed
FROM pg_attribute a
WHERE a.attrelid = ?::bigint::oid AND a.attnum > 0 AND NOT a.attisdropped
  AND a.atttypid IN ('timestamptz'::regtype, 'timestamp'::regtype, 'date'::regtype)
ORDER BY a.attnum
