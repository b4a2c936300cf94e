-- expect: none
CREATE TABLE events2 (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name text NOT NULL);
