-- Installed in the shadow database only (it is thrown away afterwards). At ddl_command_end the
-- command has done its work but has not ended, so this backend still holds every lock it took: the
-- trigger copies them, with the command tag and the objects the command touched, into a table. This
-- is how statements that run outside a transaction (whose locks are gone by the time the next
-- statement could look at pg_locks) still show what they took.
CREATE SCHEMA keel_shadow;

CREATE TABLE keel_shadow.captured (
    seq bigserial PRIMARY KEY,
    tag text NOT NULL,
    schema_name text,
    relation_name text,
    mode text,
    objects text
);

CREATE FUNCTION keel_shadow.capture() RETURNS event_trigger LANGUAGE plpgsql AS $$
DECLARE
    touched text;
BEGIN
    SELECT string_agg(object_identity, ', ' ORDER BY object_identity) INTO touched FROM pg_event_trigger_ddl_commands();
    INSERT INTO keel_shadow.captured (tag, schema_name, relation_name, mode, objects)
    SELECT tg_tag, n.nspname, c.relname, l.mode, touched
    FROM pg_locks l
    JOIN pg_class c ON c.oid = l.relation
    JOIN pg_namespace n ON n.oid = c.relnamespace
    WHERE l.pid = pg_backend_pid()
      AND l.locktype = 'relation'
      AND l.granted
      AND l.database = (SELECT oid FROM pg_database WHERE datname = current_database())
      AND n.nspname NOT IN ('pg_catalog', 'information_schema', 'keel_shadow')
      AND n.nspname NOT LIKE 'pg_toast%';
    IF NOT FOUND THEN
        -- The command still counts as seen, with its tag, even when it holds no user relation lock.
        INSERT INTO keel_shadow.captured (tag, objects) VALUES (tg_tag, touched);
    END IF;
END
$$;

CREATE EVENT TRIGGER keel_shadow_capture ON ddl_command_end EXECUTE FUNCTION keel_shadow.capture();
