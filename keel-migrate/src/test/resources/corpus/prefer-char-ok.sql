-- expect: none
CREATE TABLE countries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code text NOT NULL CHECK (length(code) = 2));
