-- expect: truncate, waiver-without-reason
-- keel:allow truncate
TRUNCATE search_cache;
