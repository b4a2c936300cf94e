-- expect: none
-- pg: 12
ALTER TABLE IF EXISTS users ADD COLUMN IF NOT EXISTS is_admin boolean NOT NULL DEFAULT false;
