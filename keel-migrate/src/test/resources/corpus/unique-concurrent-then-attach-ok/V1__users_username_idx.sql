-- expect: none
CREATE UNIQUE INDEX CONCURRENTLY IF NOT EXISTS users_username_idx ON users (username);
