-- expect: adding-exclusion-constraint, waiver-without-reason
-- keel:allow adding-exclusion-constraint
ALTER TABLE meeting_room_bookings ADD CONSTRAINT meeting_room_bookings_no_overlap
    EXCLUDE USING gist (meeting_room_id WITH =, booked_during WITH &&);
