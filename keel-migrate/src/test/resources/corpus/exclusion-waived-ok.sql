-- expect: none
-- keel:allow adding-exclusion-constraint meeting_rooms bookings hold a few hundred rows; the lock lasts milliseconds
ALTER TABLE meeting_room_bookings ADD CONSTRAINT meeting_room_bookings_no_overlap
    EXCLUDE USING gist (meeting_room_id WITH =, booked_during WITH &&);
