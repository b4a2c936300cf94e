-- expect: adding-field-with-volatile-default
-- pg: 11
-- A constant default is free on 11, a volatile one still rewrites.
ALTER TABLE products ADD COLUMN shard smallint NOT NULL DEFAULT floor(random() * 16)::smallint;
