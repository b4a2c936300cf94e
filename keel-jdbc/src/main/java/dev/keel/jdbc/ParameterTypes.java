package dev.keel.jdbc;

import java.util.Map;
import java.util.StringJoiner;
import java.util.TreeMap;

/**
 * The types of the parameters bound to a statement, for the slow-statement log. Only the classes
 * are kept, never the values: the log must not become a copy of customers' e-mail addresses and
 * tokens, and keeping a class costs no copy of a large string or byte array. The array is reused
 * from one execution to the next, so binding allocates nothing once it has grown.
 */
final class ParameterTypes {
    /** Stands for a parameter set to SQL NULL. */
    private static final Class<?> NULL = Void.class;

    /** Index 1 at [0]; null where nothing is bound. */
    private Class<?>[] byIndex = new Class<?>[8];

    private int highest;
    /** A CallableStatement's named parameters: rare, so made on first use. */
    private Map<String, Class<?>> byName;

    void type(int index, Class<?> type) {
        if (index < 1) {
            return; // The driver refuses the call; nothing to remember.
        }
        if (index > byIndex.length) {
            Class<?>[] grown = new Class<?>[Math.max(index, byIndex.length * 2)];
            System.arraycopy(byIndex, 0, grown, 0, highest);
            byIndex = grown;
        }
        byIndex[index - 1] = type;
        highest = Math.max(highest, index);
    }

    void value(int index, Object value) {
        type(index, value == null ? NULL : value.getClass());
    }

    void nullValue(int index) {
        type(index, NULL);
    }

    void type(String name, Class<?> type) {
        if (byName == null) {
            byName = new TreeMap<>();
        }
        byName.put(name, type);
    }

    void value(String name, Object value) {
        type(name, value == null ? NULL : value.getClass());
    }

    void nullValue(String name) {
        type(name, NULL);
    }

    void clear() {
        for (int i = 0; i < highest; i++) {
            byIndex[i] = null;
        }
        highest = 0;
        if (byName != null) {
            byName.clear();
        }
    }

    boolean isEmpty() {
        return highest == 0 && (byName == null || byName.isEmpty());
    }

    /** Becomes a copy of {@code other}, reusing this one's array where it is large enough. */
    void copyFrom(ParameterTypes other) {
        clear();
        for (int i = 0; i < other.highest; i++) {
            if (other.byIndex[i] != null) {
                type(i + 1, other.byIndex[i]);
            }
        }
        if (other.byName != null) {
            other.byName.forEach(this::type);
        }
    }

    /** {@code [$1 Long, $2 String, $name null]}: indexes in order, then names in order. */
    String masked() {
        StringJoiner j = new StringJoiner(", ", "[", "]");
        for (int i = 0; i < highest; i++) {
            if (byIndex[i] != null) {
                j.add("$" + (i + 1) + " " + name(byIndex[i]));
            }
        }
        if (byName != null) {
            byName.forEach((name, type) -> j.add("$" + name + " " + name(type)));
        }
        return j.toString();
    }

    private static String name(Class<?> type) {
        return type == NULL ? "null" : type.getSimpleName();
    }
}
