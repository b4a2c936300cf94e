package dev.keel.backup.stream;

import java.util.Locale;

/** Reads synchronous_standby_names: 'a, b', 'FIRST 2 (a, b)', 'ANY 1 (a, "B")', '*'. */
public final class SynchronousStandbyNames {

    private SynchronousStandbyNames() {
    }

    /** True when a standby connecting as {@code applicationName} can be one the server waits for. */
    public static boolean lists(String setting, String applicationName) {
        if (setting == null || setting.isBlank()) {
            return false;
        }
        String list = setting.strip();
        int open = list.indexOf('(');
        if (open >= 0 && list.endsWith(")")) {
            list = list.substring(open + 1, list.length() - 1);
        }
        for (String raw : list.split(",")) {
            String name = raw.strip();
            if (name.equals("*")) {
                return true;
            }
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            // PostgreSQL compares standby names without regard to case, quoted or not.
            if (name.toLowerCase(Locale.ROOT).equals(applicationName.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
