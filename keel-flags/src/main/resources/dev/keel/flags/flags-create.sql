-- keel's flag tables, created in one transaction under an advisory lock (see FlagTables), so two first
-- users cannot race and a failure leaves nothing behind.
${createSchema}
CREATE TABLE ${flags} (
    name           text PRIMARY KEY,
    basis_points   integer NOT NULL CHECK (basis_points BETWEEN 0 AND 10000),
    allow_list     text[] NOT NULL DEFAULT '{}',
    schema_version text,
    updated_at     timestamptz NOT NULL DEFAULT clock_timestamp(),
    updated_by     text NOT NULL
);
CREATE TABLE ${history} (
    id                    bigserial PRIMARY KEY,
    name                  text NOT NULL,
    changed_at            timestamptz NOT NULL DEFAULT clock_timestamp(),
    database_role         text NOT NULL DEFAULT current_user,
    actor                 text,
    basis_points_before   integer,
    basis_points_after    integer NOT NULL,
    allow_before          text[],
    allow_after           text[] NOT NULL,
    schema_version_before text,
    schema_version_after  text
);
CREATE INDEX ON ${history} (name, id);
-- Every write to the flags, by keel flags set or by hand in psql, wakes the clients listening: the
-- notification goes out at commit, so a client never reads a change that was rolled back.
CREATE FUNCTION ${notify}() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    PERFORM pg_notify('keel_flags', ${schemaText});
    RETURN NULL;
END
$$;
CREATE TRIGGER keel_flags_changed AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${flags}
    FOR EACH STATEMENT EXECUTE PROCEDURE ${notify}();
