package dev.keel.doctor.checks;

import java.time.Duration;
import java.util.Locale;

/** Human figures for summaries: sizes, durations, percentages. Evidence keeps the raw numbers. */
final class Figures {

    private Figures() {}

    static String bytes(double b) {
        String[] units = {"B", "kB", "MB", "GB", "TB"};
        int u = 0;
        while (Math.abs(b) >= 1024 && u < units.length - 1) {
            b /= 1024;
            u++;
        }
        return u == 0
                ? String.format(Locale.ROOT, "%.0f %s", b, units[u])
                : String.format(Locale.ROOT, "%.1f %s", b, units[u]);
    }

    static String seconds(double s) {
        return duration(Duration.ofMillis(Math.round(s * 1000)));
    }

    static String duration(Duration d) {
        long s = d.toSeconds();
        if (s >= 86_400) {
            return s / 86_400 + "d" + (s % 86_400 >= 3600 ? " " + (s % 86_400) / 3600 + "h" : "");
        }
        if (s >= 3600) {
            return s / 3600 + "h" + (s % 3600 >= 60 ? " " + (s % 3600) / 60 + "min" : "");
        }
        if (s >= 60) {
            return s / 60 + "min" + (s % 60 > 0 ? " " + s % 60 + "s" : "");
        }
        return s > 0 ? s + "s" : d.toMillis() + "ms";
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
