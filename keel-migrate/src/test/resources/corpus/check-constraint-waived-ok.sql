-- expect: none
-- keel:allow constraint-missing-not-valid currencies holds 30 rows; validating them takes microseconds
ALTER TABLE currencies ADD CONSTRAINT currencies_code_format CHECK (code ~ '^[A-Z]{3}$');
