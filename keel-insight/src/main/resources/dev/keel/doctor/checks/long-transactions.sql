/* keel doctor: long-transactions. Client sessions inside a transaction, with how long they have been in it,
   in their current state and in their current statement. */
SELECT a.pid, a.usename AS user_name, a.application_name, a.client_addr::text AS client, a.state,
       left(a.query, 300) AS query,
       extract(epoch FROM now() - a.xact_start) AS transaction_seconds,
       extract(epoch FROM now() - a.state_change) AS state_seconds,
       extract(epoch FROM now() - a.query_start) AS statement_seconds,
       a.backend_xmin IS NOT NULL AS holds_snapshot
FROM pg_stat_activity a
WHERE a.backend_type = 'client backend'
  AND a.pid <> pg_backend_pid()
  AND a.xact_start IS NOT NULL
ORDER BY a.xact_start
