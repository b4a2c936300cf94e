/* keel stats */ SELECT literals, count(*) AS seen, sum(count(*)) OVER () AS observations
FROM ${schema}.stat_sample
WHERE queryid = ? AND sampled_at >= ?
GROUP BY literals
ORDER BY seen DESC, max(id) DESC
LIMIT ?
