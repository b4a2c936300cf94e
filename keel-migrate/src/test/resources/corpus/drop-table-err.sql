-- expect: dropping-table
DROP TABLE legacy_orders;
