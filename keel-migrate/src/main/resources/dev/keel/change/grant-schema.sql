DO $keel$
DECLARE
    r record;
BEGIN
    FOR r IN
        SELECT CASE WHEN a.grantee = 0 THEN 'PUBLIC' ELSE quote_ident(pg_get_userbyid(a.grantee)) END AS grantee
        FROM pg_namespace n, aclexplode(n.nspacl) a
        WHERE n.nspname = ${schema} AND a.privilege_type = 'USAGE' AND a.grantee <> n.nspowner
    LOOP
        EXECUTE format('GRANT USAGE ON SCHEMA %s TO %s', ${versionSchema}, r.grantee);
    END LOOP;
END
$keel$
