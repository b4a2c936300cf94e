-- expect: multiple-alter-table
alter table users alter column email drop not null;
alter table users alter column locale set default 'en';
