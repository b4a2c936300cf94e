-- expect: truncate
-- A waiver covers only the statement below it.
-- keel:allow truncate search_cache is rebuilt from orders on the next run
TRUNCATE search_cache;
TRUNCATE sessions;
