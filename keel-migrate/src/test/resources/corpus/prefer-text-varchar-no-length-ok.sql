-- expect: none
CREATE TABLE tags (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar NOT NULL, slug text NOT NULL);
