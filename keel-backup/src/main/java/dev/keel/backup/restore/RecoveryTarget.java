package dev.keel.backup.restore;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * How far recovery replays: everything there is ("latest"), a moment, a WAL position, or a named
 * restore point (pg_create_restore_point). The form of the text decides which.
 */
public record RecoveryTarget(Kind kind, String value) {
    private static final Pattern LSN = Pattern.compile("[0-9A-Fa-f]{1,8}/[0-9A-Fa-f]{1,8}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}([ T].*)?");

    public enum Kind {
        LATEST,
        TIME,
        LSN,
        NAME
    }

    public static RecoveryTarget parse(String text) {
        if (text == null || text.isBlank() || text.equals("latest")) {
            return new RecoveryTarget(Kind.LATEST, "latest");
        }
        String t = text.strip();
        if (t.contains("'")) {
            throw new IllegalArgumentException("a recovery target cannot contain a quote: " + t);
        }
        if (LSN.matcher(t).matches()) {
            return new RecoveryTarget(Kind.LSN, t.toUpperCase(Locale.ROOT));
        }
        if (TIMESTAMP.matcher(t).matches()) {
            return new RecoveryTarget(Kind.TIME, t.replace('T', ' '));
        }
        return new RecoveryTarget(Kind.NAME, t);
    }

    /** The recovery_target_* settings; promote once there, so the result accepts writes. */
    public Map<String, String> settings() {
        Map<String, String> settings = new LinkedHashMap<>();
        switch (kind) {
            case TIME -> settings.put("recovery_target_time", value);
            case LSN -> settings.put("recovery_target_lsn", value);
            case NAME -> settings.put("recovery_target_name", value);
            case LATEST -> {
                // no target: replay until restore_command finds no further WAL
            }
        }
        if (kind != Kind.LATEST) {
            settings.put("recovery_target_action", "promote");
        }
        settings.put("recovery_target_timeline", "latest");
        return settings;
    }

    @Override
    public String toString() {
        return kind == Kind.LATEST ? "latest" : value;
    }
}
