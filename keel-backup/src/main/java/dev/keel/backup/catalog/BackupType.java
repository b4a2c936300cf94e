package dev.keel.backup.catalog;

import com.fasterxml.jackson.annotation.JsonValue;

public enum BackupType {
    FULL("full"),
    INCREMENTAL("incr");

    private final String label;

    BackupType(String label) {
        this.label = label;
    }

    @JsonValue
    public String label() {
        return label;
    }
}
