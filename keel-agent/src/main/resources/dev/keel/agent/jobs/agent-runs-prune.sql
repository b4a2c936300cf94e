-- Runs older than the retention go, except each job's newest, which says when its next turn comes.
DELETE FROM ${schema}.agent_runs
WHERE started < now() - make_interval(secs => ?)
  AND outcome <> 'running'
  AND id NOT IN (SELECT max(id) FROM ${schema}.agent_runs GROUP BY job)
