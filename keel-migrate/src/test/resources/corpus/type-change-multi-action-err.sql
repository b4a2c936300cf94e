-- expect: changing-column-type
alter table orders
    alter column total_cents type bigint,
    alter column discount_cents type bigint;
