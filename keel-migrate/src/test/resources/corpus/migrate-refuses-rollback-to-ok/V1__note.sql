-- expect: none
-- A savepoint rolled back to stays inside keel's transaction.
SAVEPOINT before_note;
ALTER TABLE orders ADD COLUMN note text;
ROLLBACK TO SAVEPOINT before_note;
