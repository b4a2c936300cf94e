-- What a base backup must know about the server before it starts.
select current_setting('server_version')                                   as server_version,
       current_setting('server_version_num')::int                          as version_num,
       (select system_identifier::text from pg_control_system())           as system_identifier,
       (select setting::bigint from pg_settings where name = 'wal_segment_size') as wal_segment_size,
       pg_is_in_recovery()                                                 as in_recovery
