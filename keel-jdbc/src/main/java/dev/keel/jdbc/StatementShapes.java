package dev.keel.jdbc;

import java.util.concurrent.ConcurrentHashMap;

/**
 * Remembers each SQL string's normalized shape: an application sends the same few hundred strings
 * over and over, so each is normalized once. Strings with literals inlined never repeat; past the
 * limit they are normalized every time instead of filling the memory.
 */
final class StatementShapes {
    private final ConcurrentHashMap<String, String> shapes = new ConcurrentHashMap<>();
    private final int limit;

    StatementShapes(int limit) {
        this.limit = limit;
    }

    String of(String sql) {
        String shape = shapes.get(sql);
        if (shape != null) {
            return shape;
        }
        shape = SqlNormalizer.normalize(sql);
        if (shapes.size() < limit) {
            shapes.putIfAbsent(sql, shape);
        }
        return shape;
    }
}
