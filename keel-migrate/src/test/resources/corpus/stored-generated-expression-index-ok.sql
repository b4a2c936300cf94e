-- expect: none
CREATE INDEX CONCURRENTLY IF NOT EXISTS products_search_idx
    ON products USING gin (to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, '')));
