/* keel doctor: blocking-chains. Who waits on whom for a lock right now, folded into one row per root blocker
   (a session that blocks others while waiting for nobody). */
WITH RECURSIVE edges AS (
    SELECT a.pid AS waiter, b.blocker
    FROM pg_stat_activity a, unnest(pg_blocking_pids(a.pid)) AS b(blocker)
    WHERE a.wait_event_type = 'Lock'
),
roots AS (
    SELECT DISTINCT e.blocker AS root FROM edges e WHERE e.blocker NOT IN (SELECT waiter FROM edges)
),
tree AS (
    SELECT r.root, e.waiter, 1 AS depth FROM roots r JOIN edges e ON e.blocker = r.root
    UNION
    -- The depth cap only guards against surprises: the deadlock detector breaks real cycles within deadlock_timeout.
    SELECT t.root, e.waiter, t.depth + 1 FROM tree t JOIN edges e ON e.blocker = t.waiter WHERE t.depth < 32
),
per_root AS (
    SELECT t.root, count(DISTINCT t.waiter) AS waiters, max(t.depth) AS depth,
           extract(epoch FROM now() - min(l.waitstart)) AS longest_wait_seconds
    FROM tree t LEFT JOIN pg_locks l ON l.pid = t.waiter AND NOT l.granted
    GROUP BY t.root
)
SELECT p.root AS root_pid, p.waiters, p.depth, p.longest_wait_seconds,
       r.usename AS root_user, r.application_name AS root_application, r.state AS root_state,
       left(r.query, 300) AS root_query,
       extract(epoch FROM now() - r.xact_start) AS root_transaction_seconds,
       extract(epoch FROM now() - r.state_change) AS root_state_seconds,
       (SELECT string_agg(DISTINCT l.relation::regclass::text, ', ') FROM pg_locks l
        JOIN tree t ON t.waiter = l.pid AND t.root = p.root WHERE NOT l.granted AND l.relation IS NOT NULL) AS relations
FROM per_root p LEFT JOIN pg_stat_activity r ON r.pid = p.root
ORDER BY p.waiters DESC, p.longest_wait_seconds DESC NULLS LAST
