-- expect: none
-- keel:allow truncate search_cache is rebuilt from orders on the next run
TRUNCATE search_cache;
