package dev.keel.backup.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Reads synchronous_standby_names: 'a, b', 'FIRST 2 (a, b)', 'ANY 1 (a, "B")', '*'. */
public final class SynchronousStandbyNames {

    private SynchronousStandbyNames() {}

    /** True when a standby connecting as {@code applicationName} can be one the server waits for. */
    public static boolean lists(String setting, String applicationName) {
        return names(setting).stream().anyMatch(name -> name.equals("*") || name.equals(lower(applicationName)));
    }

    /** True when {@code applicationName} is the one standby the setting names: keel may then take the setting back. */
    public static boolean listsOnly(String setting, String applicationName) {
        return names(setting).equals(List.of(lower(applicationName)));
    }

    /** The standby names, unquoted and in lower case: PostgreSQL compares them without regard to case, quoted or not. */
    private static List<String> names(String setting) {
        List<String> names = new ArrayList<>();
        if (setting == null || setting.isBlank()) {
            return names;
        }
        String list = setting.strip();
        int open = list.indexOf('(');
        if (open >= 0 && list.endsWith(")")) {
            list = list.substring(open + 1, list.length() - 1);
        }
        for (String raw : list.split(",")) {
            String name = raw.strip();
            if (name.length() >= 2 && name.startsWith("\"") && name.endsWith("\"")) {
                name = name.substring(1, name.length() - 1).replace("\"\"", "\"");
            }
            names.add(lower(name));
        }
        return names;
    }

    private static String lower(String name) {
        return name.toLowerCase(Locale.ROOT);
    }
}
