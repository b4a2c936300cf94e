package dev.keel.doctor;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * How one check went. A check that could not run is never a pass: it says why and, when a grant or
 * setting fixes it, which.
 *
 * @param findings how many findings it returned (0 when it passed or did not run)
 * @param reason why it did not run; null otherwise
 * @param fix the statement or setting that lets it run; null when there is none to name
 */
public record CheckResult(String check, Status status, int findings, String reason, String fix) {

    public enum Status {
        /** It ran and found nothing. */
        PASSED("passed"),
        /** It ran and returned findings. */
        FOUND("found"),
        /** It could not see what it needs, or failed: this part of the database's health is unknown. */
        NOT_RUN("not-run");

        private final String label;

        Status(String label) {
            this.label = label;
        }

        @JsonValue
        public String label() {
            return label;
        }
    }

    public static CheckResult ran(String check, int findings) {
        return new CheckResult(check, findings == 0 ? Status.PASSED : Status.FOUND, findings, null, null);
    }

    public static CheckResult notRun(String check, String reason, String fix) {
        return new CheckResult(check, Status.NOT_RUN, 0, reason, fix);
    }

    public boolean ran() {
        return status != Status.NOT_RUN;
    }
}
