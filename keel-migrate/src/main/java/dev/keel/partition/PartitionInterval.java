package dev.keel.partition;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The width of each partition of a range set. Partitions are numbered buckets: bucket {@code b} holds keys from
 * {@link #lower(long) lower(b)} up to {@code lower(b + 1)}, so bounds line up without gaps and a partition's name and
 * bounds follow from its number. Keys are compared as ordinals: seconds since 1970-01-01 00:00 UTC for time keys, the
 * value itself for integer keys.
 *
 * <p>Time widths divide the next larger unit evenly, so every bucket starts at the same place in the hour, day or
 * year: whole minutes dividing an hour (1, 2, 3, 4, 5, 6, 10, 12, 15, 20, 30), hours dividing a day (1, 2, 3, 4, 6,
 * 8, 12), a day, a week (from Monday), months dividing a year (1, 2, 3 = a quarter, 4, 6) and a year. '7 hours' or
 * '45 minutes' would start buckets at a different time each day or hour and are refused.
 */
public final class PartitionInterval {
    private static final Pattern FORM = Pattern.compile("(\\d+)?\\s*([a-z]+)");
    private static final LocalDate MONDAY = LocalDate.of(1970, 1, 5);

    enum Unit {
        MINUTE,
        HOUR,
        DAY,
        WEEK,
        MONTH,
        YEAR,
        INTEGER
    }

    private final Unit unit;
    private final long amount;
    private final KeyType keyType;
    private final String text;

    private PartitionInterval(Unit unit, long amount, KeyType keyType, String text) {
        this.unit = unit;
        this.amount = amount;
        this.keyType = keyType;
        this.text = text;
    }

    /** Thrown for an interval keel does not accept, with what to write instead. */
    public static final class Invalid extends IllegalArgumentException {
        private final String fix;

        Invalid(String message, String fix) {
            super(message);
            this.fix = fix;
        }

        public String fix() {
            return fix;
        }
    }

    /** '1 month', 'quarter', '15 minutes', '6 hours', 'day', 'week', 'year'; a positive whole number for integers. */
    public static PartitionInterval parse(String text, KeyType keyType) {
        String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        if (keyType == KeyType.INTEGER) {
            if (!t.matches("\\d{1,18}") || Long.parseLong(t) <= 0) {
                throw new Invalid(
                        "interval '" + text + "' is not a width for an integer key",
                        "write a positive whole number, e.g. interval: 1000000");
            }
            return new PartitionInterval(Unit.INTEGER, Long.parseLong(t), keyType, t);
        }
        Matcher m = FORM.matcher(t);
        if (!m.matches()) {
            throw invalidTime(text);
        }
        long n = m.group(1) == null ? 1 : Long.parseLong(m.group(1));
        String word =
                m.group(2).endsWith("s") ? m.group(2).substring(0, m.group(2).length() - 1) : m.group(2);
        PartitionInterval interval = switch (word) {
            case "minute", "min" -> within(Unit.MINUTE, n, 60, "minutes dividing an hour", keyType, text);
            case "hour" -> within(Unit.HOUR, n, 24, "hours dividing a day", keyType, text);
            case "day" -> exactlyOne(Unit.DAY, n, "day", keyType, text);
            case "week" -> exactlyOne(Unit.WEEK, n, "week", keyType, text);
            case "month" -> within(Unit.MONTH, n, 12, "months dividing a year", keyType, text);
            case "quarter" -> exactlyOne(Unit.MONTH, n * 3, "quarter", keyType, text, 3);
            case "year" -> exactlyOne(Unit.YEAR, n, "year", keyType, text);
            default -> throw invalidTime(text);
        };
        if (keyType == KeyType.DATE && (interval.unit == Unit.MINUTE || interval.unit == Unit.HOUR)) {
            throw new Invalid(
                    "interval '" + text + "' is shorter than a day, which a date key cannot tell apart",
                    "use day, week, month, quarter or year, or make the key a timestamptz");
        }
        return interval;
    }

    private static Invalid invalidTime(String text) {
        return new Invalid(
                "interval '" + text + "' is not one keel partitions by",
                "write whole minutes dividing an hour (15 minutes), hours dividing a day (6 hours), day, week,"
                        + " month, quarter or year");
    }

    private static PartitionInterval within(Unit unit, long n, int whole, String what, KeyType k, String text) {
        if (n <= 0 || whole % n != 0) {
            String larger = unit == Unit.MINUTE ? "hour" : unit == Unit.HOUR ? "day" : "year";
            throw new Invalid(
                    "interval '" + text + "' does not divide " + (larger.equals("hour") ? "an " : "a ") + larger
                            + " evenly, so partitions would start at a different time each " + larger,
                    "use " + what + ": " + divisors(whole));
        }
        return new PartitionInterval(unit, n, k, text.trim());
    }

    private static PartitionInterval exactlyOne(Unit unit, long n, String what, KeyType k, String text) {
        return exactlyOne(unit, n, what, k, text, 1);
    }

    private static PartitionInterval exactlyOne(Unit unit, long n, String what, KeyType k, String text, long one) {
        if (n != one) {
            throw new Invalid(
                    "interval '" + text + "' is not one keel partitions by: more than one " + what
                            + " per partition starts partitions at a different place each time",
                    "use 1 " + what + ", or a larger unit");
        }
        return new PartitionInterval(unit, n, k, text.trim());
    }

    private static String divisors(int whole) {
        StringBuilder s = new StringBuilder();
        for (int d = 1; d <= whole / 2; d++) {
            if (whole % d == 0) {
                s.append(s.length() == 0 ? "" : ", ").append(d);
            }
        }
        return s.toString();
    }

    public KeyType keyType() {
        return keyType;
    }

    /** As written, for the registry. */
    public String text() {
        return text;
    }

    /** The bucket holding an ordinal. */
    public long bucketOf(long ordinal) {
        return switch (unit) {
            case INTEGER -> Math.floorDiv(ordinal, amount);
            case MINUTE -> Math.floorDiv(ordinal, 60 * amount);
            case HOUR -> Math.floorDiv(ordinal, 3600 * amount);
            case DAY -> Math.floorDiv(ordinal, 86400);
            case WEEK -> Math.floorDiv(ChronoUnit.DAYS.between(MONDAY, date(ordinal)), 7);
            case MONTH -> {
                LocalDate d = date(ordinal);
                yield Math.floorDiv((d.getYear() - 1970L) * 12 + d.getMonthValue() - 1, amount);
            }
            case YEAR -> date(ordinal).getYear() - 1970L;
        };
    }

    /** Where a bucket starts, as an ordinal. */
    public long lower(long bucket) {
        return switch (unit) {
            case INTEGER -> Math.multiplyExact(bucket, amount);
            case MINUTE -> bucket * 60 * amount;
            case HOUR -> bucket * 3600 * amount;
            case DAY -> bucket * 86400;
            case WEEK -> seconds(MONDAY.plusWeeks(bucket));
            case MONTH -> seconds(LocalDate.of(1970, 1, 1).plusMonths(bucket * amount));
            case YEAR -> seconds(LocalDate.of(1970, 1, 1).plusYears(bucket));
        };
    }

    /** The partition's name after its parent and where it starts: events_p2026_12, events_p20261203_1400. */
    public String partitionName(String parent, long bucket) {
        return parent + "_p" + suffix(bucket);
    }

    String suffix(long bucket) {
        long lower = lower(bucket);
        if (unit == Unit.INTEGER) {
            return lower < 0 ? "m" + (-lower) : Long.toString(lower);
        }
        LocalDateTime at = LocalDateTime.ofEpochSecond(lower, 0, ZoneOffset.UTC);
        String pattern = switch (unit) {
            case MINUTE -> "yyyyMMdd_HHmm";
            case HOUR -> "yyyyMMdd_HH";
            case DAY, WEEK -> "yyyyMMdd";
            case MONTH -> "yyyy_MM";
            case YEAR -> "yyyy";
            default -> throw new IllegalStateException(unit.name());
        };
        return at.format(DateTimeFormatter.ofPattern(pattern, Locale.ROOT));
    }

    /** The SQL literal of an ordinal, as the key's type reads it. */
    public String literal(long ordinal) {
        if (keyType == KeyType.INTEGER) {
            return Long.toString(ordinal);
        }
        LocalDateTime at = LocalDateTime.ofEpochSecond(ordinal, 0, ZoneOffset.UTC);
        return switch (keyType) {
            case DATE -> "'" + at.toLocalDate() + "'";
            case TIMESTAMP ->
                "'" + at.format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
                        + at.format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "'";
            default ->
                "'" + at.format(DateTimeFormatter.ISO_LOCAL_DATE) + " "
                        + at.format(DateTimeFormatter.ofPattern("HH:mm:ss")) + "+00'";
        };
    }

    /** The ordinal of now for a time key; for an integer key there is no now. */
    public static long ordinalOf(LocalDateTime utc) {
        return utc.toEpochSecond(ZoneOffset.UTC);
    }

    private static LocalDate date(long ordinal) {
        return LocalDateTime.ofEpochSecond(ordinal, 0, ZoneOffset.UTC).toLocalDate();
    }

    private static long seconds(LocalDate date) {
        return date.atStartOfDay().toEpochSecond(ZoneOffset.UTC);
    }

    @Override
    public String toString() {
        return text;
    }
}
