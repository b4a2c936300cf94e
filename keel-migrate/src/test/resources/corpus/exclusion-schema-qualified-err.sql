-- expect: adding-exclusion-constraint
-- No two reservations of the same table may overlap.
ALTER TABLE shop.reservations
    ADD CONSTRAINT reservations_no_overlap
    EXCLUDE USING gist (table_id WITH =, reserved_during WITH &&);
