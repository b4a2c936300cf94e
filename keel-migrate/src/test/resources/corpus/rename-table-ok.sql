-- expect: none
CREATE VIEW purchases AS SELECT * FROM orders;
