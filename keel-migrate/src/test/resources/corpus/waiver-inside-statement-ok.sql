-- expect: none
CREATE INDEX countries_name_idx
    -- keel:allow require-concurrent-index-creation countries holds 250 rows in every environment
    ON countries (name);
