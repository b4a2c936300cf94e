-- expect: none
-- pg: 15
ALTER TABLE users ADD COLUMN terms_accepted_at timestamptz DEFAULT CURRENT_TIMESTAMP;
