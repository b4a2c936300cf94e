-- expect: prefer-text-over-char
CREATE TABLE countries (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, code char(2) NOT NULL);
