-- partition_table's swap moves the foreign keys of other tables that reference the table (see
-- partition-move-references.sql), which needs those tables' ACCESS EXCLUSIVE lock. Taken before the table's own, so a
-- wait for one of them does not hold up the table; each wait is bounded by the swap's lock_timeout.
DO $keel$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT DISTINCT con.conrelid::regclass::text AS child
        FROM pg_constraint con
        WHERE con.confrelid = ${old}::regclass
          AND con.contype = 'f'
          AND con.conrelid <> con.confrelid
          AND con.conparentid = 0
        ORDER BY 1
    LOOP
        EXECUTE format('LOCK TABLE %s IN ACCESS EXCLUSIVE MODE', r.child);
    END LOOP;
END
$keel$
