package dev.keel.agent.dashboard;

import java.util.Locale;

/** Sizes as people read them: 1.4 GB rather than 1503238553. */
public final class Bytes {
    private static final String[] UNITS = {"B", "kB", "MB", "GB", "TB", "PB"};

    private Bytes() {}

    public static String human(long bytes) {
        double value = bytes;
        int unit = 0;
        while (Math.abs(value) >= 1024 && unit < UNITS.length - 1) {
            value /= 1024;
            unit++;
        }
        return unit == 0 ? bytes + " B" : String.format(Locale.ROOT, "%.1f %s", value, UNITS[unit]);
    }
}
