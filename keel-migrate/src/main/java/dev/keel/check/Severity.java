package dev.keel.check;

import java.util.Locale;

/** ERROR stops {@code migrate} (unless waived); WARNING is reported only. */
public enum Severity {
    ERROR,
    WARNING;

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
