/* keel stats */ DELETE FROM ${schema}.stat_snapshot WHERE taken_at < ?
