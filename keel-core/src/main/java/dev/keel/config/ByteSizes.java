package dev.keel.config;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Sizes read the way PostgreSQL writes them (512kB, 16MB, 1GB; a bare number is bytes, units are powers of
 * 1024) and printed with binary units, which say that base: 512 B, 1.5 KiB, 22.6 MiB, 1.0 GiB.
 */
public final class ByteSizes {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*([kmgt]?b)?\\s*");
    private static final String[] UNITS = {"KiB", "MiB", "GiB", "TiB"};

    private ByteSizes() {}

    /** The size in bytes; units in any case (PostgreSQL's SHOW says kB, keel.yaml may say KB). */
    public static long parse(String text) {
        Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a size (write 512kB, 16MB or 1GB)");
        }
        String unit = m.group(2) == null ? "b" : m.group(2);
        int shift = 10 * "bkmgt".indexOf(unit.charAt(0));
        try {
            return Math.multiplyExact(Long.parseLong(m.group(1)), 1L << shift);
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is too large a size");
        }
    }

    /** Bytes below 1 KiB, otherwise one decimal in the largest unit that keeps the figure at 1 or more. */
    public static String human(double bytes) {
        if (Math.abs(bytes) < 1024) {
            return String.format(Locale.ROOT, "%.0f B", bytes);
        }
        double b = bytes / 1024;
        int u = 0;
        while (Math.abs(b) >= 1024 && u < UNITS.length - 1) {
            b /= 1024;
            u++;
        }
        return String.format(Locale.ROOT, "%.1f %s", b, UNITS[u]);
    }
}
