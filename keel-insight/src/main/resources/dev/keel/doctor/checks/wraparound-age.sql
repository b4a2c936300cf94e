/* keel doctor: wraparound-age. The oldest unfrozen transaction id and multixact id per database,
   and in this database the table that holds each back. */
SELECT d.datname AS database, age(d.datfrozenxid) AS xid_age, mxid_age(d.datminmxid) AS mxid_age,
       d.datname = current_database() AS is_current,
       (SELECT c.oid::regclass::text FROM pg_class c WHERE d.datname = current_database() AND c.relkind IN ('r', 'm', 't')
        ORDER BY age(c.relfrozenxid) DESC LIMIT 1) AS oldest_xid_table,
       (SELECT c.oid::regclass::text FROM pg_class c WHERE d.datname = current_database() AND c.relkind IN ('r', 'm', 't')
        ORDER BY mxid_age(c.relminmxid) DESC LIMIT 1) AS oldest_mxid_table
FROM pg_database d
WHERE d.datallowconn
ORDER BY greatest(age(d.datfrozenxid), mxid_age(d.datminmxid)) DESC
