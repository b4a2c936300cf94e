-- expect: none
CREATE TABLE cities (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL CHECK (length(name) <= 80));
