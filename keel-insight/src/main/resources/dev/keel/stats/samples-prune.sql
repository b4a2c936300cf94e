/* keel stats */ DELETE FROM ${schema}.stat_sample WHERE sampled_at < ?
