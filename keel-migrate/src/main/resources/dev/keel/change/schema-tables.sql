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
       -- What depends on which columns: indexes (with each key column's options as pg_get_indexdef prints them
       -- after the name), constraints of this table, and foreign keys of other tables that reference it. A
       -- changed column that is copied must take these along, or complete's DROP COLUMN would drop them.
       (SELECT coalesce(json_agg(d ORDER BY d.kind, d.name), '[]')
        FROM (SELECT 'index' AS kind, ic.relname::text AS name,
                     -- Key and INCLUDE columns, and those its expressions and predicate use (recorded in pg_depend).
                     (SELECT array_agg(DISTINCT a.attname::text)
                      FROM pg_attribute a
                      WHERE a.attrelid = c.oid AND a.attnum > 0
                        AND (a.attnum = ANY (i.indkey)
                             OR a.attnum IN (SELECT dep.refobjsubid FROM pg_depend dep
                                             WHERE dep.classid = 'pg_class'::regclass AND dep.objid = i.indexrelid
                                               AND dep.refclassid = 'pg_class'::regclass AND dep.refobjid = c.oid))) AS columns,
                     i.indisunique AS "unique", i.indisprimary AS "primary",
                     con.conname::text AS "constraint", con.contype::text AS "constraintType", am.amname::text AS method,
                     i.indexprs IS NULL AND i.indpred IS NULL AS simple,
                     (SELECT array_agg(a.attname::text ORDER BY k.ord)
                      FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                      WHERE k.ord <= i.indnkeyatts) AS "keyColumns",
                     -- After each key column's name: its collation and operator class where not the default,
                     -- and its order (indoption: 1 DESC, 2 NULLS FIRST) where not the default.
                     (SELECT array_agg(
                                 CASE WHEN i.indcollation[k.ord - 1] <> 0 AND i.indcollation[k.ord - 1] <> a.attcollation
                                      THEN ' COLLATE ' || quote_ident(colln.nspname) || '.' || quote_ident(coll.collname)
                                      ELSE '' END
                                 || CASE WHEN NOT oc.opcdefault
                                         THEN ' ' || quote_ident(ocn.nspname) || '.' || quote_ident(oc.opcname)
                                         ELSE '' END
                                 || CASE WHEN i.indoption[k.ord - 1] & 1 = 1
                                         THEN ' DESC' || CASE WHEN i.indoption[k.ord - 1] & 2 = 0 THEN ' NULLS LAST' ELSE '' END
                                         ELSE CASE WHEN i.indoption[k.ord - 1] & 2 = 2 THEN ' NULLS FIRST' ELSE '' END
                                    END
                                 ORDER BY k.ord)
                      FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                      JOIN pg_opclass oc ON oc.oid = i.indclass[k.ord - 1]
                      JOIN pg_namespace ocn ON ocn.oid = oc.opcnamespace
                      LEFT JOIN pg_collation coll ON coll.oid = i.indcollation[k.ord - 1]
                      LEFT JOIN pg_namespace colln ON colln.oid = coll.collnamespace
                      WHERE k.ord <= i.indnkeyatts) AS "keyOptions",
                     (SELECT array_agg(a.attname::text ORDER BY k.ord)
                      FROM unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum
                      WHERE k.ord > i.indnkeyatts) AS include,
                     NULL::text AS definition, NULL::text AS "otherTable"
              FROM pg_index i
              JOIN pg_class ic ON ic.oid = i.indexrelid
              JOIN pg_am am ON am.oid = ic.relam
              LEFT JOIN pg_constraint con ON con.conindid = i.indexrelid AND con.conrelid = c.oid
                                         AND con.contype IN ('p', 'u', 'x')
              WHERE i.indrelid = c.oid
              UNION ALL
              SELECT CASE con.contype WHEN 'f' THEN 'foreign_key' ELSE 'check' END, con.conname::text,
                     (SELECT array_agg(a.attname::text ORDER BY k.ord)
                      FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum),
                     false, false, NULL, NULL, NULL, true,
                     (SELECT array_agg(a.attname::text ORDER BY k.ord)
                      FROM unnest(con.conkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum),
                     NULL, NULL, pg_get_constraintdef(con.oid, true), NULL
              FROM pg_constraint con
              WHERE con.conrelid = c.oid AND con.contype IN ('f', 'c')
              UNION ALL
              SELECT 'referenced_by', con.conname::text,
                     (SELECT array_agg(a.attname::text ORDER BY k.ord)
                      FROM unnest(con.confkey) WITH ORDINALITY AS k(attnum, ord)
                      JOIN pg_attribute a ON a.attrelid = c.oid AND a.attnum = k.attnum),
                     false, false, NULL, NULL, NULL, true, NULL, NULL, NULL, pg_get_constraintdef(con.oid, true),
                     con.conrelid::regclass::text
              FROM pg_constraint con
              WHERE con.confrelid = c.oid AND con.contype = 'f' AND con.conrelid <> c.oid
              UNION ALL
              SELECT 'trigger', t.tgname::text, NULL, false, false, NULL, NULL, NULL, true, NULL, NULL, NULL,
                     pg_get_triggerdef(t.oid), NULL
              FROM pg_trigger t
              WHERE t.tgrelid = c.oid AND NOT t.tgisinternal) d) AS dependents,
       (SELECT coalesce(array_agg(pc.relname::text || ':' || pc.relkind::text ORDER BY pc.relname), '{}')
        FROM pg_inherits inh JOIN pg_class pc ON pc.oid = inh.inhrelid
        WHERE inh.inhparent = c.oid AND c.relkind = 'p') AS partitions
FROM pg_class c
JOIN pg_namespace n ON n.oid = c.relnamespace
WHERE n.nspname = ? AND c.relkind IN ('r', 'p') AND NOT c.relispartition
ORDER BY c.relname
