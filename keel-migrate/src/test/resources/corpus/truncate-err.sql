-- expect: truncate
TRUNCATE sessions;
