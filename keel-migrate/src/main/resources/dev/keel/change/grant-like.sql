-- A version's views are owned by the role that runs keel; an application connecting as another role needs the
-- same rights on them as on the table behind them (and USAGE on the version schema as on the table's schema).
DO $keel$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT a.privilege_type AS privilege,
               CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
        FROM pg_class c, aclexplode(c.relacl) a
        WHERE c.oid = ${table}::regclass
          AND a.grantee <> c.relowner
          AND a.privilege_type IN ('SELECT', 'INSERT', 'UPDATE', 'DELETE')
    LOOP
        EXECUTE format('GRANT %s ON %s TO %s', r.privilege, ${view}, r.grantee);
    END LOOP;
END
$keel$
