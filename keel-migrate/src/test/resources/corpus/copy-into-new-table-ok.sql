-- expect: none
CREATE TABLE orders_archive_2019 (LIKE orders INCLUDING DEFAULTS);
INSERT INTO orders_archive_2019 SELECT * FROM orders WHERE created_at < '2020-01-01';
