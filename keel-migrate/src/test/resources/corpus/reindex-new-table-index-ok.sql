-- expect: none
CREATE TABLE search_terms (id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, term text NOT NULL, hits bigint NOT NULL DEFAULT 0);
CREATE INDEX search_terms_term_idx ON search_terms (term);
REINDEX INDEX search_terms_term_idx;
