-- expect: changing-table-persistence
ALTER TABLE imports SET LOGGED;
