package dev.keel.sql;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/** Loads SQL kept in .sql resources beside a class; {@code ${name}} placeholders take quoted identifiers. */
public final class SqlResources {
    private static final Map<String, String> CACHE = new ConcurrentHashMap<>();

    private SqlResources() {}

    public static String load(Class<?> owner, String name) {
        return CACHE.computeIfAbsent(owner.getName() + "/" + name, k -> {
            try (InputStream in = owner.getResourceAsStream(name)) {
                if (in == null) {
                    throw new IllegalStateException("missing SQL resource " + name + " beside " + owner.getName());
                }
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    /** Replaces {@code ${key}} with the value as given: callers pass identifiers already quoted. */
    public static String load(Class<?> owner, String name, Map<String, String> values) {
        String sql = load(owner, name);
        for (Map.Entry<String, String> e : values.entrySet()) {
            sql = sql.replace("${" + e.getKey() + "}", e.getValue());
        }
        return sql;
    }
}
