-- A history table created before change files has no phase column; adding a nullable column is a
-- catalog-only change.
ALTER TABLE ${history} ADD COLUMN IF NOT EXISTS phase text
