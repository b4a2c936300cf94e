-- expect: none
CREATE EVENT TRIGGER log_schema_changes ON ddl_command_end EXECUTE FUNCTION log_schema_change();
