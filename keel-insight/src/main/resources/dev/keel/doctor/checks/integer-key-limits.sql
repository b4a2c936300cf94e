/* keel doctor: integer-key-limits. Ascending sequences with the column they feed: the limit is the
   smaller of the sequence's maximum and the column type's maximum (an int column fed by a bigint
   sequence fails at 2^31 - 1 although the sequence goes on). last_value is null for a sequence never
   used or one the user may not read. */
SELECT s.schemaname AS schema_name, s.sequencename AS sequence_name, s.data_type::text AS sequence_type,
       s.last_value, s.max_value, s.increment_by,
       col.table_name, col.column_name, col.column_type,
       least(s.max_value, col.type_max) AS key_limit
FROM pg_sequences s
LEFT JOIN LATERAL (
    SELECT c.oid::regclass::text AS table_name, a.attname AS column_name, format_type(a.atttypid, a.atttypmod) AS column_type,
           CASE a.atttypid WHEN 'int2'::regtype THEN 32767 WHEN 'int4'::regtype THEN 2147483647 END AS type_max
    FROM pg_depend d
    JOIN pg_class c ON c.oid = d.refobjid
    JOIN pg_attribute a ON a.attrelid = d.refobjid AND a.attnum = d.refobjsubid
    WHERE d.classid = 'pg_class'::regclass AND d.refclassid = 'pg_class'::regclass
      AND d.objid = format('%I.%I', s.schemaname, s.sequencename)::regclass
      AND d.deptype IN ('a', 'i')
    LIMIT 1
) col ON true
WHERE s.last_value IS NOT NULL AND s.increment_by > 0
ORDER BY s.last_value::numeric / least(s.max_value, col.type_max) DESC
