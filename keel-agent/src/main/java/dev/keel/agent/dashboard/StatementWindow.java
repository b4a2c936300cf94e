package dev.keel.agent.dashboard;

import java.time.Duration;

/** The windows the statements page offers, by their query value ({@code ?window=24h}). */
public enum StatementWindow {
    HOUR("1h", Duration.ofHours(1)),
    DAY("24h", Duration.ofDays(1)),
    WEEK("7d", Duration.ofDays(7));

    private final String key;
    private final Duration length;

    StatementWindow(String key, Duration length) {
        this.key = key;
        this.length = length;
    }

    public String key() {
        return key;
    }

    public Duration length() {
        return length;
    }

    /** The window a query value names; the last hour, as keel top, for none or an unknown one. */
    public static StatementWindow of(String key) {
        for (StatementWindow w : values()) {
            if (w.key.equals(key)) {
                return w;
            }
        }
        return HOUR;
    }
}
