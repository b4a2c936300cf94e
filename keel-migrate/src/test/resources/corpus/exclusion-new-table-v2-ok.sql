-- expect: none
-- The constraint is declared with the table, as the doc recommends for a table in use: build a new one.
CREATE TABLE reservations_v2 (
    LIKE reservations INCLUDING ALL,
    CONSTRAINT reservations_v2_no_overlap EXCLUDE USING gist (table_id WITH =, reserved_during WITH &&)
);
