-- expect: prefer-bigint, prefer-identity
create table if not exists shipping_zones (id smallserial primary key, name text not null);
