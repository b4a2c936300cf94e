package dev.keel.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * What keel knows about each SQL text it has seen: its normalized shape and its timers. An
 * application sends the same few hundred texts over and over, so each is normalized once and the
 * hot path is one map look-up by the string the application passed (whose hash the String caches).
 * Texts with literals written in never repeat; past the limit they get a fresh entry every time
 * instead of filling the memory. The size check and the insert are not atomic together, so under
 * concurrent misses the map can pass the limit by at most the number of threads missing at once.
 */
final class StatementCache {
    private final ConcurrentHashMap<String, CachedStatement> statements = new ConcurrentHashMap<>();
    private final int limit;

    StatementCache(int limit) {
        this.limit = limit;
    }

    CachedStatement of(String sql) {
        CachedStatement cached = statements.get(sql);
        if (cached != null) {
            return cached;
        }
        CachedStatement fresh = new CachedStatement(SqlNormalizer.normalize(sql));
        if (statements.size() < limit) {
            CachedStatement raced = statements.putIfAbsent(sql, fresh);
            return raced == null ? fresh : raced;
        }
        return fresh;
    }

    int size() {
        return statements.size();
    }
}
