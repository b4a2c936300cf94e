package dev.keel.config;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.time.Duration;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads durations the way PostgreSQL settings are written: 500ms, 2s, 5min, 1h; a bare number is milliseconds. */
public final class Durations {
    private static final Pattern FORM = Pattern.compile("\\s*(\\d+)\\s*(ms|s|min|m|h|d)?\\s*");

    private Durations() {}

    public static Duration parse(String text) {
        Matcher m = FORM.matcher(text.toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write 500ms, 2s, 5min or 1h)");
        }
        String unit = m.group(2) == null ? "ms" : m.group(2);
        try {
            long n = Long.parseLong(m.group(1));
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "s" -> Duration.ofSeconds(n);
                case "min", "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofDays(n);
            };
            d.toMillis();
            return d;
        } catch (NumberFormatException | ArithmeticException e) {
            throw new IllegalArgumentException("'" + text + "' is not a duration (write 500ms, 2s, 5min or 1h)");
        }
    }

    /** A command-line option's duration: a value that is none is a usage error naming the option. */
    public static Duration option(String text, String option) {
        try {
            return parse(text);
        } catch (IllegalArgumentException e) {
            throw new KeelException(
                    CoreError.COMMAND_LINE,
                    option + ": " + e.getMessage(),
                    "give " + option + " a duration such as 1h");
        }
    }

    /** As a PostgreSQL setting value. */
    public static String setting(Duration duration) {
        return duration.toMillis() + "ms";
    }

    /**
     * Exact, in the largest whole unit, as keel.yaml would write it ({@code parse(human(d))} is {@code d}): for
     * configured values (a lock timeout, a target). Measured durations read better {@link #rounded}.
     */
    public static String human(Duration duration) {
        long ms = duration.toMillis();
        if (ms % 60_000 == 0 && ms > 0) {
            return ms / 60_000 + "min";
        }
        if (ms % 1000 == 0) {
            return ms / 1000 + "s";
        }
        return ms + "ms";
    }

    /**
     * At most two units, rounded down, for summaries and notes on measured durations: 1d 3h, 2h 5min, 3min 4s,
     * 5s, 300ms; a negative duration (clocks a little apart) is 0s.
     */
    public static String rounded(Duration duration) {
        long s = Math.max(0, duration.toSeconds());
        if (s >= 86_400) {
            return s / 86_400 + "d" + (s % 86_400 >= 3600 ? " " + (s % 86_400) / 3600 + "h" : "");
        }
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600 >= 60 ? " " + (s % 3600) / 60 + "min" : "");
        }
        if (s >= 60) {
            return s / 60 + "min" + (s % 60 > 0 ? " " + s % 60 + "s" : "");
        }
        long ms = Math.max(0, duration.toMillis());
        return s > 0 || ms == 0 ? s + "s" : ms + "ms";
    }
}
