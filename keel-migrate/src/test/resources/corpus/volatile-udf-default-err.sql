-- expect: adding-field-with-volatile-default
CREATE FUNCTION f() RETURNS text LANGUAGE sql AS $$SELECT md5(random()::text)$$;
ALTER TABLE t ADD COLUMN c text DEFAULT f();
