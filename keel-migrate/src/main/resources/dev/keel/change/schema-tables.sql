-- The tables of one schema with their columns, key and replica identity: what a change file is validated and
-- planned against; partitions (name:relkind) of a partitioned table. The key is the primary key, else the first unique index over NOT NULL columns.
SELECT c.relname AS table_name,
       c.relkind::text AS kind,
       c.relreplident::text AS replica_identity,
       (SELECT json_agg(json_build_object(
                   'name', a.attname,
                   'type', format_type(a.atttypid, a.atttypmod),
                   'notNull', a.attnotnull,
                   'default', pg_get_expr(d.adbin, d.adrelid),
                   'generated', a.attgenerated <> '' OR a.attidentity <> '') ORDER BY a.attnum)
        FROM pg_attribute a
        LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
        WHERE a.attrelid = c.oid AND a.attnum > 0 AND NOT a.attisdropped) AS columns,
       (SELECT array_agg(a.attname ORDER BY k.ord)
        FROM (SELECT i.indkey, i.indexrelid
              FROM pg_index i
              WHERE i.indrelid = c.oid AND i.indisunique AND i.indisvalid AND i.indpred IS NULL AND i.indexprs IS NULL
                AND NOT EXISTS (SELECT 1 FROM unnest(i.indkey) col
                                JOIN pg_attribute na ON na.attrelid = c.oid AND na.attnum = col
                                WHERE NOT na.attnotnull)
              ORDER BY i.indisprimary DESC, i.indexrelid
              LIMIT 1) ix
        CROSS JOIN LATERAL unnest(ix.indkey) WITH ORDINALITY AS k(attnum, ord)
        JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum) AS key_columns,
       (SELECT coalesce(array_agg(con.conname ORDER BY con.conname), '{}')
        FROM pg_constraint con WHERE con.conrelid = c.oid) AS constraints,
       (SELECT coalesce(array_agg(ic.relname ORDER BY ic.relname), '{}')
        FROM pg_index i JOIN pg_class ic ON ic.oid = i.indexrelid WHERE i.indrelid = c.oid) AS indexes,
       (SELECT coalesce(array_agg(pc.relname::text || ':' || pc.relkind::text ORDER BY pc.relname), '{}')
        FROM pg_inherits inh JOIN pg_class pc ON pc.oid = inh.inhrelid
        WHERE inh.inhparent = c.oid AND c.relkind = 'p') AS partitions
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname
