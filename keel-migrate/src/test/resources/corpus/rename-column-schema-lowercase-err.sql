-- expect: renaming-column
alter table if exists shop.products rename column descr to description;
