package dev.keel.doctor;

/**
 * Turns "how far into its band a finding is" into one score that ranks findings of different
 * checks against each other. Each severity owns a band (critical 70–100, warning 40–70, info 0–40),
 * so a critical finding always outranks a warning; within the band the check says how close the
 * finding is to the outage it predicts (or how much of the database's time or capacity it costs),
 * as a fraction from 0 to 1. docs/runbooks/README.md explains it to users.
 */
public final class Impact {

    private Impact() {}

    public static double score(DoctorSeverity severity, double closeness) {
        double f = Double.isNaN(closeness) ? 0 : Math.max(0, Math.min(1, closeness));
        double score = switch (severity) {
            case CRITICAL -> 70 + 30 * f;
            case WARNING -> 40 + 30 * f;
            case INFO -> 40 * f;
        };
        // One decimal is all a reader can compare; more would only suggest precision the estimates lack.
        return Math.round(score * 10) / 10.0;
    }

    /** Where {@code value} lies between {@code from} (0) and {@code to} (1), clamped. */
    public static double between(double value, double from, double to) {
        if (to <= from) {
            return value >= to ? 1 : 0;
        }
        return Math.max(0, Math.min(1, (value - from) / (to - from)));
    }
}
