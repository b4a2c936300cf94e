package dev.keel.stats;

import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times and durations as notes print them: local wall-clock time to the second, durations in the largest whole unit. */
public final class Times {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {}

    public static String format(OffsetDateTime when) {
        return WHEN.format(when.atZoneSameInstant(ZoneId.systemDefault()));
    }

    public static String human(Duration d) {
        long s = Math.max(0, d.toSeconds());
        if (s >= 86_400 && s % 86_400 == 0 || s >= 7 * 86_400) {
            return s / 86_400 + "d";
        }
        if (s >= 3600) {
            return s % 3600 == 0 ? s / 3600 + "h" : s / 3600 + "h" + (s % 3600) / 60 + "min";
        }
        if (s >= 60) {
            return s / 60 + "min";
        }
        return s + "s";
    }
}
