package dev.keel.doctor;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How urgent a finding is; {@code critical} makes {@code keel doctor} exit 1. */
public enum DoctorSeverity {
    CRITICAL,
    WARNING,
    INFO;

    @JsonValue
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
