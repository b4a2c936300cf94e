-- expect: drop-database
DROP DATABASE legacy;
