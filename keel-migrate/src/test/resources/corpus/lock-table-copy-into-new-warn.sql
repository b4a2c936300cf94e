-- expect: lock-table
-- The copy goes into a table this file creates, so it is no bulk change of an existing table.
CREATE TABLE prices_2024 (LIKE prices INCLUDING ALL);
LOCK TABLE prices IN SHARE MODE;
INSERT INTO prices_2024 SELECT * FROM prices WHERE valid_from >= '2024-01-01';
