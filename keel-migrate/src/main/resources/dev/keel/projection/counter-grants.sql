-- A counter's view is owned by the role that runs keel; whoever may read the table may read the counter.
DO $keel$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
        FROM pg_class c, aclexplode(c.relacl) a
        WHERE c.oid = ${table}::regclass
          AND a.grantee <> c.relowner
          AND a.privilege_type = 'SELECT'
    LOOP
        EXECUTE format('GRANT SELECT ON %s TO %s', ${view}, r.grantee);
    END LOOP;
END
$keel$
