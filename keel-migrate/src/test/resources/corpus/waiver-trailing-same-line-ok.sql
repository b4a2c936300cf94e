-- expect: none
CREATE INDEX countries_name_idx ON countries (name); -- keel:allow require-concurrent-index-creation countries holds 250 rows
