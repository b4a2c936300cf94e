-- expect: prefer-text
CREATE TABLE cities (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, name varchar(80) NOT NULL);
