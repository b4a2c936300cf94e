package dev.keel.migrate.shadow;

import dev.keel.error.KeelException;
import dev.keel.migrate.MigrateError;
import java.math.BigDecimal;

/**
 * How the shadow analysis judges and fills.
 *
 * @param rowLimit a lock blocking writes on a table with at least this many estimated rows on the
 *                 target is an error (default {@value #DEFAULT_ROW_LIMIT})
 * @param scale the share of each table's target rows the shadow gets as synthetic rows, 0 (schema
 *              only, the default) to 1
 * @param scaleCap the most synthetic rows one table gets (default {@value #DEFAULT_SCALE_CAP})
 */
public record ShadowOptions(long rowLimit, double scale, long scaleCap) {
    public static final long DEFAULT_ROW_LIMIT = 100_000;
    public static final long DEFAULT_SCALE_CAP = 1_000_000;

    public ShadowOptions {
        if (rowLimit < 0) {
            throw new KeelException(
                    MigrateError.OPTION_INVALID,
                    "the shadow row limit must not be negative, not " + rowLimit,
                    "give --shadow-row-limit 0 or more");
        }
        if (!(scale >= 0 && scale <= 1)) {
            throw new KeelException(
                    MigrateError.OPTION_INVALID,
                    "--scale must be a number from 0 to 1, not " + scale,
                    "give e.g. --scale 0.01 for 1% of the target's rows");
        }
        if (scaleCap < 0) {
            throw new KeelException(
                    MigrateError.OPTION_INVALID,
                    "--scale-cap must not be negative, not " + scaleCap,
                    "give the most rows one table may get, e.g. 1000000");
        }
    }

    public static ShadowOptions defaults() {
        return new ShadowOptions(DEFAULT_ROW_LIMIT, 0, DEFAULT_SCALE_CAP);
    }

    public ShadowOptions withRowLimit(long limit) {
        return new ShadowOptions(limit, scale, scaleCap);
    }

    public ShadowOptions withScale(double share, long cap) {
        return new ShadowOptions(rowLimit, share, cap);
    }

    /** Reads --scale as given on the command line: a plain number from 0 to 1. */
    public static double parseScale(String text) {
        double value;
        try {
            value = Double.parseDouble(text.strip());
        } catch (NumberFormatException e) {
            throw new KeelException(
                    MigrateError.OPTION_INVALID,
                    "--scale must be a number from 0 to 1, not '" + text + "'",
                    "give e.g. --scale 0.01 for 1% of the target's rows");
        }
        if (!(value >= 0 && value <= 1)) {
            throw new KeelException(
                    MigrateError.OPTION_INVALID,
                    "--scale must be a number from 0 to 1, not " + text,
                    "give e.g. --scale 0.01 for 1% of the target's rows");
        }
        return value;
    }

    /** 0.01 as 0.01, never 1.0E-2. */
    static String decimal(double value) {
        return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
    }
}
