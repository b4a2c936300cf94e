-- expect: adding-serial-column
ALTER TABLE events ADD COLUMN seq bigint GENERATED ALWAYS AS IDENTITY;
