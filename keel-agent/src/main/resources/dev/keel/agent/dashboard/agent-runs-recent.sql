-- Each job's newest runs, a few per job, through the (job, started DESC) index: no scan of the whole history.
SELECT r.job, r.started, r.finished, r.outcome, r.figures::text AS figures, r.error
FROM unnest(?::text[]) AS j(job)
CROSS JOIN LATERAL (
    SELECT * FROM ${schema}.agent_runs a WHERE a.job = j.job ORDER BY a.started DESC, a.id DESC LIMIT ?
) r
ORDER BY r.job, r.started DESC, r.id DESC
