/* keel stats */ SELECT s.id, s.taken_at, s.server_started_at, s.statements_reset_at, s.tables_reset_at, s.server_version,
       (SELECT count(*) FROM ${schema}.stat_statement x WHERE x.snapshot_id = s.id) AS statements,
       (SELECT count(*) FROM ${schema}.stat_table x WHERE x.snapshot_id = s.id) AS tables,
       (SELECT count(*) FROM ${schema}.stat_index x WHERE x.snapshot_id = s.id) AS indexes
FROM ${schema}.stat_snapshot s
WHERE ${condition}
ORDER BY s.taken_at ${direction}, s.id ${direction}
LIMIT 1
