-- expect: require-concurrent-index-creation, waiver-without-reason
-- keel:allow require-concurrent-index-creation
CREATE INDEX countries_name_idx ON countries (name);
