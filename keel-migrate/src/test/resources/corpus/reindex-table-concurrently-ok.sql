-- expect: none
REINDEX TABLE CONCURRENTLY order_items;
