-- What the current role may do with one schema, read from the catalog (which needs no privilege),
-- so keel can name the missing grant before a statement fails with "permission denied".
SELECT n.oid IS NOT NULL AS present,
       coalesce(has_schema_privilege(n.oid, 'USAGE'), false) AS usage,
       coalesce(has_schema_privilege(n.oid, 'CREATE'), false) AS can_create,
       has_database_privilege(current_database(), 'CREATE') AS create_schemas,
       current_user AS role,
       current_database() AS database
FROM (SELECT 1) AS one
LEFT JOIN pg_namespace n ON n.nspname = ?
