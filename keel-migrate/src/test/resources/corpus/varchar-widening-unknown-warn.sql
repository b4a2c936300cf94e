-- expect: changing-column-type
-- The old type is unknown to a static check: a warning, not an error.
ALTER TABLE notes ALTER COLUMN body TYPE text;
