-- expect: none
-- keel:allow renaming-table the users view created below keeps the old name working for the running release
ALTER TABLE users RENAME TO members;
CREATE VIEW users AS SELECT * FROM members;
