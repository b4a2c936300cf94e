-- expect: none
-- keel:allow require-concurrent-index-creation countries holds 250 rows in every environment
CREATE INDEX countries_name_idx ON countries (name);
