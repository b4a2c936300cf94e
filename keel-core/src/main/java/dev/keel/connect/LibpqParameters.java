package dev.keel.connect;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Query parameters of a libpq URL under the names pgjdbc knows. Most are the same (sslmode,
 * sslrootcert, options …) and pass as they are; a few are spelled differently, and pgjdbc would
 * silently ignore them, so a URL copied from psql would lose its timeout or its session target.
 */
final class LibpqParameters {
    private static final Map<String, String> RENAMED = Map.of(
            "application_name", "ApplicationName",
            "connect_timeout", "connectTimeout",
            "target_session_attrs", "targetServerType");
    /** libpq's session targets and pgjdbc's nearest server types. */
    private static final Map<String, String> SESSION_TARGETS = Map.of(
            "any", "any",
            "read-write", "primary",
            "primary", "primary",
            "read-only", "secondary",
            "standby", "secondary",
            "prefer-standby", "preferSecondary");

    private LibpqParameters() {}

    /** {@code a=1&connect_timeout=5} → {@code a=1&connectTimeout=5}; values stay encoded as written. */
    static String toJdbc(String query) {
        if (query.isEmpty()) {
            return query;
        }
        List<String> out = new ArrayList<>();
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            String jdbcName = RENAMED.getOrDefault(name, name);
            if (name.equals("target_session_attrs")) {
                value = SESSION_TARGETS.getOrDefault(value, value);
            }
            out.add(eq < 0 ? jdbcName : jdbcName + "=" + value);
        }
        return String.join("&", out);
    }
}
