-- expect: none
ANALYZE orders;
