-- expect: drop-database
DROP DATABASE IF EXISTS analytics_staging WITH (FORCE);
