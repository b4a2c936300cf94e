package dev.keel.stats;

import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** Times as notes print them: local wall-clock time to the second (durations: Durations.rounded). */
public final class Times {
    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private Times() {}

    public static String format(OffsetDateTime when) {
        return WHEN.format(when.atZoneSameInstant(ZoneId.systemDefault()));
    }
}
