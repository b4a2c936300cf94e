-- expect: adding-stored-generated-column
alter table products
    add column search_vector tsvector
    generated always as (to_tsvector('english', coalesce(name, '') || ' ' || coalesce(description, ''))) stored;
