-- Fails for roles without superuser or pg_read_all_settings (data_directory) or EXECUTE on pg_control_system(): they are not beside the data directory.
select current_setting('data_directory')                          as data_directory,
       (select system_identifier::text from pg_control_system())  as system_identifier
