package dev.keel.connect;

import dev.keel.error.CoreError;
import dev.keel.error.KeelException;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;

/**
 * Says what is wrong with a JDBC URL before pgjdbc sees it. The driver answers a bad URL with null
 * (and a java.util.logging WARNING that may quote the URL), and a bad sslmode only when connecting,
 * where it looked like an unreachable server (exit 3). No message here quotes a value that could be
 * part of a password.
 */
final class JdbcUrlCheck {
    /** pgjdbc's and libpq's sslmode values. */
    static final Set<String> SSL_MODES = Set.of("disable", "allow", "prefer", "require", "verify-ca", "verify-full");

    private static final String FORMS =
            "write postgresql://user@host:5432/database or jdbc:postgresql://host:5432/database";
    private static final String ENCODE = "percent-encode it: write a literal % as %25";

    private JdbcUrlCheck() {}

    /** Checks the parts pgjdbc decodes itself: the database name and the query parameters. */
    static void escapes(String jdbcUrl, String source) {
        String rest = jdbcUrl.substring(jdbcUrl.indexOf("//") + 2);
        if (rest.split("[/?]", 2)[0].contains("@")) {
            // pgjdbc takes "user:secret@host" for a host name, and the password would be shown as one.
            throw new KeelException(
                    CoreError.URL_INVALID,
                    "the JDBC URL from " + source
                            + " holds a user and password before the host, which JDBC URLs do not take",
                    "pass them as parameters (jdbc:postgresql://host/db?user=…&password=…) or write postgresql://user:password@host/db");
        }
        int q = rest.indexOf('?');
        String query = q < 0 ? "" : rest.substring(q + 1);
        String beforeQuery = q < 0 ? rest : rest.substring(0, q);
        int slash = beforeQuery.indexOf('/');
        if (slash >= 0 && !PercentDecoding.isWellFormed(beforeQuery.substring(slash + 1))) {
            throw malformed("the database name", source);
        }
        for (String pair : query.split("&")) {
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            if (!PercentDecoding.isWellFormed(name)) {
                throw malformed("a parameter name", source);
            }
            if (!PercentDecoding.isWellFormed(value)) {
                throw malformed(
                        name.equalsIgnoreCase("password") ? "the password" : "the value of parameter " + name, source);
            }
        }
    }

    static KeelException malformed(String part, String source) {
        return new KeelException(
                CoreError.URL_INVALID,
                part + " in the database URL from " + source + " holds a % that is not followed by two hex digits",
                ENCODE);
    }

    /** Why pgjdbc refused a URL whose escapes are fine: a port out of range, or not a PostgreSQL URL at all. */
    static KeelException refused(String jdbcUrl, String source) {
        if (jdbcUrl.startsWith("jdbc:postgresql://")) {
            String authority = jdbcUrl.substring("jdbc:postgresql://".length()).split("[/?]", 2)[0];
            for (String hostPort : authority.split(",")) {
                int colon = hostPort.lastIndexOf(':');
                if (colon >= 0 && !hostPort.endsWith("]") && !validPort(hostPort.substring(colon + 1))) {
                    // The text is not shown: in jdbc:postgresql://user:secret@host/ the "port" is the password.
                    return new KeelException(
                            CoreError.URL_INVALID,
                            "the port in the database URL from " + source + " is not a number from 1 to 65535",
                            "write host:port with a port such as 5432, and the user and password as parameters (?user=…&password=…)");
                }
            }
        }
        return new KeelException(
                CoreError.URL_INVALID, "the database URL from " + source + " is not a PostgreSQL URL", FORMS);
    }

    private static boolean validPort(String port) {
        if (!port.matches("[0-9]{1,5}")) {
            return false;
        }
        int n = Integer.parseInt(port);
        return n >= 1 && n <= 65535;
    }

    /** An sslmode pgjdbc does not know fails only when connecting; it is a configuration error (exit 2). */
    static void sslmode(Properties parsed, String source) {
        String mode = parsed.getProperty("sslmode");
        if (mode != null && !SSL_MODES.contains(mode.toLowerCase(Locale.ROOT))) {
            throw new KeelException(
                    CoreError.URL_INVALID,
                    "sslmode '" + mode + "' in the database URL from " + source + " is not one pgjdbc knows",
                    "use disable, allow, prefer, require, verify-ca or verify-full");
        }
    }
}
