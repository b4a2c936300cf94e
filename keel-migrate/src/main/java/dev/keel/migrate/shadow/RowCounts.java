package dev.keel.migrate.shadow;

import java.util.Locale;

/** Row counts as a person reads them in a finding: exact while small, then 12k, 1.2M, 12M. */
public final class RowCounts {
    private static final long EXACT_BELOW = 10_000;

    private RowCounts() {}

    public static String human(long rows) {
        if (rows < EXACT_BELOW) {
            return Long.toString(rows);
        }
        String[] units = {"k", "M", "G", "T"};
        double value = rows / 1000.0;
        int unit = 0;
        // Moves up while the rounded figure would read 1000 or more (999,999 is 1M, not 1000k).
        while (Math.round(value) >= 1000 && unit < units.length - 1) {
            value /= 1000;
            unit++;
        }
        // One decimal only where it says something (1.2M); 12M and 120k read better without.
        String number =
                value < 9.95 ? String.format(Locale.ROOT, "%.1f", value) : String.format(Locale.ROOT, "%.0f", value);
        if (number.endsWith(".0")) {
            number = number.substring(0, number.length() - 2);
        }
        return number + units[unit];
    }
}
