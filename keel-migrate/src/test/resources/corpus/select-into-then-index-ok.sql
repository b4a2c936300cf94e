-- expect: none
-- SELECT … INTO creates orders_backup_2024 (like CREATE TABLE AS): the index is on a new table.
SELECT * INTO orders_backup_2024 FROM orders WHERE created_at < '2024-01-01';
CREATE INDEX orders_backup_2024_id_idx ON orders_backup_2024 (id);
