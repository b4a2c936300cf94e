-- expect: none
CREATE FUNCTION region_default() RETURNS text LANGUAGE sql STABLE AS $$SELECT current_setting('app.region', true)$$;
ALTER TABLE t ADD COLUMN c text DEFAULT region_default();
