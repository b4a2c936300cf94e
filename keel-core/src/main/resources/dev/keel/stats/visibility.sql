/* keel stats */ SELECT current_user AS role_name,
       -- True for superusers and for members of pg_read_all_stats, directly or through pg_monitor.
       pg_has_role(current_user, 'pg_read_all_stats', 'USAGE') AS sees_all
