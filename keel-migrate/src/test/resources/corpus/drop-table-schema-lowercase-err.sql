-- expect: dropping-table
drop table if exists archive.orders_2019;
