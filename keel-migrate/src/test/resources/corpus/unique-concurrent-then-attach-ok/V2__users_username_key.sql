ALTER TABLE users ADD CONSTRAINT users_username_key UNIQUE USING INDEX users_username_idx;
