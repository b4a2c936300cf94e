/* keel stats */ DELETE FROM ${schema}.stat_sample s
WHERE s.queryid = ANY (?)
  AND s.id < (SELECT min(k.id) FROM (SELECT id FROM ${schema}.stat_sample WHERE queryid = s.queryid ORDER BY id DESC LIMIT ?) k)
