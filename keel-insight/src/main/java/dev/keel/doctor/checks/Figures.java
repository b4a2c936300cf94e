package dev.keel.doctor.checks;

import dev.keel.config.Durations;
import java.time.Duration;
import java.util.Locale;

/** Human figures for summaries: durations in seconds, percentages, counts (sizes: ByteSizes). Evidence keeps the raw numbers. */
final class Figures {

    private Figures() {}

    static String seconds(double s) {
        return Durations.rounded(Duration.ofMillis(Math.round(s * 1000)));
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String millions(long n) {
        return n >= 1_000_000
                ? String.format(Locale.ROOT, "%.0f million", n / 1e6)
                : String.format(Locale.ROOT, "%,d", n);
    }

    static double round(double v, int digits) {
        double f = Math.pow(10, digits);
        return Math.round(v * f) / f;
    }
}
