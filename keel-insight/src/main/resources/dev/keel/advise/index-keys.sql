/* keel advise */ SELECT ic.relname AS index_name,
       -- Key columns in index order; an expression key (attnum 0) has no name and so matches no candidate.
       array(SELECT coalesce(a.attname, '') FROM unnest(string_to_array(i.indkey::text, ' ')::int2[]) WITH ORDINALITY k(attnum, ord)
             LEFT JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
             WHERE k.ord <= i.indnkeyatts ORDER BY k.ord) AS key_columns
FROM pg_index i
JOIN pg_class ic ON ic.oid = i.indexrelid
JOIN pg_am am ON am.oid = ic.relam
JOIN pg_class t ON t.oid = i.indrelid
JOIN pg_namespace n ON n.oid = t.relnamespace
WHERE n.nspname = ? AND t.relname = ? AND i.indisvalid AND i.indpred IS NULL AND am.amname = 'btree'
