-- expect: require-concurrent-index-creation
-- archive.orders is new; public.orders, the live table, is not.
CREATE TABLE archive.orders (LIKE public.orders INCLUDING ALL);
CREATE INDEX orders_archived_at_idx ON public.orders (archived_at);
