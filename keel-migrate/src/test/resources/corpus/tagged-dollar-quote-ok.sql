-- expect: none
CREATE FUNCTION set_updated_at() RETURNS trigger LANGUAGE plpgsql AS $fn$
BEGIN
    NEW.updated_at := now();  -- a $$ in here is plain text
    RETURN NEW;
END $fn$;
