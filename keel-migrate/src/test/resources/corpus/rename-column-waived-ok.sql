-- expect: none
-- keel:allow renaming-column no release reads sessions.ua; the column was only ever written by a removed job
ALTER TABLE sessions RENAME COLUMN ua TO user_agent;
