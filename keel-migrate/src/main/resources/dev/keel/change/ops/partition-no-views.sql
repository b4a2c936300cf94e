-- partition_table swaps the table for a new one by name; a view binds the table itself, not its name, and would go
-- on reading the replaced table. Views of keel's version schemas are rebuilt by the change; any other one refuses it.
DO $keel$
DECLARE
    views text;
BEGIN
    SELECT string_agg(DISTINCT v.oid::regclass::text, ', ')
    INTO views
    FROM pg_depend d
    JOIN pg_rewrite r ON r.oid = d.objid
    JOIN pg_class v ON v.oid = r.ev_class
    WHERE d.classid = 'pg_rewrite'::regclass
      AND d.refclassid = 'pg_class'::regclass
      AND d.refobjid = ${table}::regclass
      AND v.oid <> d.refobjid
      AND obj_description(v.relnamespace, 'pg_namespace') IS DISTINCT FROM ${versionComment};
    IF views IS NOT NULL THEN
        RAISE EXCEPTION 'views depend on %: %; partition_table would leave them reading the replaced table', ${table}, views
            USING HINT = 'drop them in an earlier migration and create them again after this change completes';
    END IF;
END
$keel$
