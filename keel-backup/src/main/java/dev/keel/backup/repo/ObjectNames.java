package dev.keel.backup.repo;

/**
 * The names objects may have, the same for every store: slash-separated parts, none empty, none
 * starting with '.'. The dot is reserved so a file store's half-written temporaries can never be
 * mistaken for objects.
 */
public final class ObjectNames {
    private ObjectNames() {}

    public static String check(String name) {
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("an object name must not be empty");
        }
        for (String part : name.split("/", -1)) {
            if (part.isEmpty() || part.startsWith(".")) {
                throw new IllegalArgumentException(
                        "object name '" + name + "' has an empty part or one starting with '.'");
            }
        }
        for (int i = 0; i < name.length(); i++) {
            char c = name.charAt(i);
            if (c < 0x20 || c == '\\' || c == 0x7f) {
                throw new IllegalArgumentException("object name '" + name + "' holds a control character or backslash");
            }
        }
        return name;
    }

    /** A prefix to list: empty, or a name prefix (it need not end at a slash). */
    public static String checkPrefix(String prefix) {
        if (prefix == null) {
            throw new IllegalArgumentException("a prefix must not be null; use \"\" for everything");
        }
        if (prefix.startsWith("/") || prefix.contains("//")) {
            throw new IllegalArgumentException("prefix '" + prefix + "' must not start with '/' or hold '//'");
        }
        return prefix;
    }
}
