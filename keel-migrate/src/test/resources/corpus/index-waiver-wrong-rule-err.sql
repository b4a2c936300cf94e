-- expect: require-concurrent-index-creation
-- keel:allow require-concurrent-index-deletion countries holds 250 rows in every environment
CREATE INDEX countries_name_idx ON countries (name);
