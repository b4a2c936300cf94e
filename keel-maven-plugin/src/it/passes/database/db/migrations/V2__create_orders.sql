create table orders (
    id bigint generated always as identity primary key,
    user_id bigint not null references users,
    created_at timestamptz not null default now()
);
create index orders_user_id on orders (user_id);
