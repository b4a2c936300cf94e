package dev.keel.flags;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.keel.error.KeelException;
import java.math.BigDecimal;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * How much of the subjects a flag is on for, in basis points (0 = off, 10000 = on): one bucket of {@link Bucketing}'s
 * 10,000 is 0.01 %, so a percentage may have two decimals and no rounding ever moves a subject across the line.
 */
public record Rollout(int basisPoints) {
    public static final int ALL = 10_000;
    public static final Rollout OFF = new Rollout(0);
    public static final Rollout ON = new Rollout(ALL);
    private static final Pattern PERCENT = Pattern.compile("\\d{1,3}(\\.\\d{1,2})?%");

    public Rollout {
        if (basisPoints < 0 || basisPoints > ALL) {
            throw new IllegalArgumentException("basis points out of 0..10000: " + basisPoints);
        }
    }

    /** {@code on}, {@code off} or a percentage such as {@code 10%} or {@code 12.5%}. */
    public static Rollout parse(String text) {
        String t = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        if (t.equals("on")) {
            return ON;
        }
        if (t.equals("off")) {
            return OFF;
        }
        if (PERCENT.matcher(t).matches()) {
            BigDecimal percent = new BigDecimal(t.substring(0, t.length() - 1));
            if (percent.compareTo(BigDecimal.valueOf(100)) <= 0) {
                return new Rollout(percent.movePointRight(2).intValueExact());
            }
        }
        if (t.startsWith("-")) {
            throw new KeelException(
                    FlagError.VALUE_INVALID,
                    "'" + text + "' is not a flag value: a share cannot be below 0%",
                    "use on, off or a percentage from 0% to 100%, e.g. 5%; off is the share for no subject");
        }
        throw new KeelException(
                FlagError.VALUE_INVALID,
                "'" + text + "' is not a flag value",
                "use on, off or a percentage from 0% to 100% with at most two decimals, e.g. 10% or 12.5%");
    }

    /** The value as keel flags set takes it (on, off, 10%): what --json shows beside the basis points. */
    @JsonProperty("value")
    public String text() {
        return toString();
    }

    /** The share of subjects, 0 to 100. */
    @JsonProperty("percent")
    public double percent() {
        return basisPoints / 100.0;
    }

    public boolean on() {
        return basisPoints == ALL;
    }

    public boolean off() {
        return basisPoints == 0;
    }

    /** on, off, or the percentage without trailing zeros (10%, 12.5%). */
    @Override
    public String toString() {
        if (on()) {
            return "on";
        }
        if (off()) {
            return "off";
        }
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + "%";
    }
}
