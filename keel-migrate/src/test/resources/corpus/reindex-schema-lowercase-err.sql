-- expect: reindex-without-concurrently
reindex schema shop;
