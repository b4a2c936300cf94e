-- After partition_table's swap: the foreign keys moved to the new table were added NOT VALID; validating them scans
-- the referencing tables without blocking their reads or writes. A key left NOT VALID before the change stays so.
DO $keel$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT con.conname, con.conrelid::regclass::text AS child
        FROM pg_constraint con
        WHERE con.confrelid = ${table}::regclass
          AND con.contype = 'f'
          AND con.conparentid = 0
          AND NOT con.convalidated
          AND con.conname = ANY (${moved})
        ORDER BY 2, 1
    LOOP
        EXECUTE format('ALTER TABLE %s VALIDATE CONSTRAINT %I', r.child, r.conname);
    END LOOP;
END
$keel$
