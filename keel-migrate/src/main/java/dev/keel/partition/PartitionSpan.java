package dev.keel.partition;

import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A length of time such as a retention ('12 months') or a grace period ('7 days'): a whole number of one unit. */
public record PartitionSpan(long amount, String unit, String text) {
    private static final Pattern FORM = Pattern.compile("(\\d{1,6})\\s*(minute|hour|day|week|month|year)s?");

    /** @throws IllegalArgumentException with the form to write, for anything else */
    public static PartitionSpan parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches()) {
            throw new IllegalArgumentException("'" + text
                    + "' is not a length of time keel reads; write a whole number and a unit, e.g. 12 months,"
                    + " 90 days, 7 days, 48 hours");
        }
        return new PartitionSpan(Long.parseLong(m.group(1)), m.group(2), text.trim());
    }

    /** The ordinal (seconds since 1970 UTC) this span before {@code ordinal}. */
    public long before(long ordinal) {
        return shift(ordinal, -amount);
    }

    /** The ordinal this span after {@code ordinal}. */
    public long after(long ordinal) {
        return shift(ordinal, amount);
    }

    private long shift(long ordinal, long n) {
        LocalDateTime at = LocalDateTime.ofEpochSecond(ordinal, 0, ZoneOffset.UTC);
        LocalDateTime shifted = switch (unit) {
            case "minute" -> at.plusMinutes(n);
            case "hour" -> at.plusHours(n);
            case "day" -> at.plusDays(n);
            case "week" -> at.plusWeeks(n);
            case "month" -> at.plusMonths(n);
            default -> at.plusYears(n);
        };
        return shifted.toEpochSecond(ZoneOffset.UTC);
    }
}
