-- expect: adding-exclusion-constraint
alter table room_bookings add exclude using gist (room_id with =, stay with &&) where (cancelled_at is null);
