-- expect: dropping-column
-- A table of the same name in another schema does not make this one new.
CREATE TABLE archive.carts (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, note text);
ALTER TABLE public.carts DROP COLUMN note;
