-- expect: reindex-without-concurrently
REINDEX SYSTEM;
