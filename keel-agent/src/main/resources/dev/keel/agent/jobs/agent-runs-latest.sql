-- The newest run of each job: when its next turn comes.
SELECT DISTINCT ON (job) job, started, finished, outcome, figures::text AS figures, error
FROM ${schema}.agent_runs
ORDER BY job, started DESC, id DESC
