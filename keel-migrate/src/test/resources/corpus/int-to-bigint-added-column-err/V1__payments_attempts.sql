-- expect: changing-column-type
ALTER TABLE payments ADD COLUMN attempt_count integer NOT NULL DEFAULT 0;
