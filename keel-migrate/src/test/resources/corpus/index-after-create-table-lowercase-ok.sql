-- expect: none
create table if not exists page_views (
    id bigint generated always as identity primary key,
    path text not null,
    viewed_at timestamptz not null default now()
);
create index page_views_viewed_at_idx on page_views (viewed_at);
create index page_views_path_idx on page_views using hash (path);
