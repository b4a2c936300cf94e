package dev.keel.sql;

import java.util.Locale;
import java.util.Optional;

/** PostgreSQL's table lock modes, weakest first, as pg_locks names them. */
public enum LockMode {
    ACCESS_SHARE,
    ROW_SHARE,
    ROW_EXCLUSIVE,
    SHARE_UPDATE_EXCLUSIVE,
    SHARE,
    SHARE_ROW_EXCLUSIVE,
    EXCLUSIVE,
    ACCESS_EXCLUSIVE;

    /** The mode pg_locks calls {@code name} (e.g. {@code ShareRowExclusiveLock}); empty for other lock kinds. */
    public static Optional<LockMode> fromPgLocks(String name) {
        if (name == null || !name.endsWith("Lock")) {
            return Optional.empty();
        }
        String words = name.substring(0, name.length() - "Lock".length())
                .replaceAll("([a-z])([A-Z])", "$1_$2")
                .toUpperCase(Locale.ROOT);
        try {
            return Optional.of(valueOf(words));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * Exactly the modes that conflict with ROW EXCLUSIVE, the lock every INSERT, UPDATE and DELETE
     * takes: while one of them is held, writes to the table wait.
     */
    public boolean blocksWrites() {
        return compareTo(SHARE) >= 0;
    }

    public LockMode strongest(LockMode other) {
        return other.compareTo(this) > 0 ? other : this;
    }

    /** As the documentation writes it: {@code SHARE UPDATE EXCLUSIVE}. */
    public String readable() {
        return name().replace('_', ' ');
    }
}
